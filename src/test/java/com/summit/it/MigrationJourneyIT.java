package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import com.summit.workbench.service.InstanceMigrations;
import com.summit.workbench.service.ModelDrafts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The process owner's first journey in a real Chromium, at a person's pace: 赵敏 creates a site-visit form, adds the
 * user task 现场考察 to stage 3 of the lifecycle in the BPMN editor and links the form to it, checks and proposes the
 * change; an admin approves it in the inbox; she deploys it and moves the demo deals in stage 3 onto the new version,
 * their design step mapped to the visit; the rep finds 现场考察 in the inbox with its form and completes it.
 *
 * <p>An app of its own, closed after the journey: the journey deploys new versions of the real lifecycle and moves the
 * demo deals, which no clean-up can undo (a version number is never given twice), and the shared app's tests read
 * the lifecycle as its seed file made it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MigrationJourneyIT {

    static final Path DATA = Path.of("target", "it-data", "migration-journey-" + ProcessHandle.current().pid());
    static final int ZEEBE = TestPorts.free();
    static final int POSTGRES = TestPorts.free();

    @DynamicPropertySource
    static void localMode(DynamicPropertyRegistry registry) {
        registry.add("summit.local.data-dir", DATA::toString);
        registry.add("summit.local.zeebe.port", () -> ZEEBE);
        registry.add("summit.local.postgres.port", () -> POSTGRES);
        // the journey searches nothing: the inbox, the workbench and the migration read PostgreSQL and the engine
        registry.add("summit.local.elasticsearch.enabled", () -> "false");
        registry.add("summit.demo.generated-customers", () -> "0");
    }

    private static final String LIFECYCLE = "opportunity-lifecycle.bpmn";
    private static final String DEAL = "全国七仓仓配一体化";
    private static final String OTHER_DEAL = "港口集装箱短驳";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired ModelDrafts drafts;
    @Autowired ModelStore models;
    @Autowired InstanceMigrations migrations;
    @Autowired TaskService tasks;

    private ChromeDriver driver;
    private WebDriverWait wait;
    private BrowserSteps person;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(40));
        person = new BrowserSteps(driver, wait, port);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theProcessOwnerAddsASiteVisitToStageThreeAndMovesTheDealsThereOntoItAndTheRepCompletesIt() {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String formId = "site-visit-" + UUID.randomUUID().toString().substring(0, 4);
        ModelVersion before = current();
        try {
            // 1. a new form: visit date, warehouse seen, findings
            person.signIn("zhaomin");
            person.open("workbench");
            person.click(By.id("workbench-new-file"));
            person.typeSlowly(person.clickable(By.cssSelector("#new-file-id input")), formId);
            person.click(By.id("new-file-create"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("summit-model-editor .fjs-editor-container")));
            // the palette drags with dragula, which WebDriver's synthetic drags do not drive: the fields go in through
            // the editor's own modeling commands, as its palette would put them
            person.script("""
                    const editor = document.querySelector('summit-model-editor')._editor;
                    const modeling = editor.get('modeling');
                    const root = editor._getState().schema;
                    modeling.addFormField({ type: 'datetime', subtype: 'date', key: 'visitDate', dateLabel: '考察日期',
                        validate: { required: true } }, root, 0);
                    modeling.addFormField({ type: 'checkbox', key: 'warehouseSeen', label: '已实地查看仓库' }, root, 1);
                    modeling.addFormField({ type: 'textarea', key: 'visitFindings', label: '考察发现',
                        validate: { required: true } }, root, 2);
                    """);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("summit-model-editor"), "考察发现"));
            Browser.screenshot(driver, "40-migration-journey-form");
            person.click(By.id("model-draft-save"));
            wait.until(d -> drafts.find(formId + ".form", owner).map(x -> x.content().contains("visitFindings")).orElse(false));
            propose("新建现场考察表单", null);
            person.click(By.id("request-deploy"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-state"), "已部署"));

            // 2. the user task in stage 3, before the solution design, for the deal's owner, with the new form
            person.open("workbench/model/" + LIFECYCLE);
            person.click(By.id("model-draft-start"));
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("summit-model-editor .djs-element[data-element-id='Task_DesignSolution']")));
            // the space tool's drag is a synthetic mouse gesture as well: the stage's steps move right through the
            // editor's modeling, and the new task is dropped onto the flow from the stage's start, as a drop on it does
            String created = (String) person.script("""
                    const modeler = document.querySelector('summit-model-editor')._editor;
                    const registry = modeler.get('elementRegistry');
                    const modeling = modeler.get('modeling');
                    const stage = registry.get('Stage_SolutionDesign');
                    const steps = registry.filter(e => e.parent === stage && !e.waypoints && e.type !== 'label'
                        && e.id !== 'Stage_SolutionDesign_Start');
                    modeling.moveElements(steps, { x: 150, y: 0 });
                    const task = modeler.get('elementFactory').createShape({ type: 'bpmn:UserTask' });
                    const flow = registry.get('Stage_SolutionDesign_F1');
                    modeling.createShape(task, { x: 420, y: 835 }, flow);
                    // the new task in the middle of the canvas, at its real size, clear of the palette
                    const canvas = modeler.get('canvas');
                    const box = canvas.viewbox().outer;
                    canvas.viewbox({ x: task.x + task.width / 2 - box.width / 2, y: task.y + task.height / 2 - box.height / 2,
                        width: box.width, height: box.height });
                    return task.id;
                    """);
            WebElement shape = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("summit-model-editor .djs-element[data-element-id='" + created + "'] .djs-hit")));
            person.script("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.cssSelector("summit-model-editor")));
            new Actions(driver).moveToElement(shape).pause(Duration.ofMillis(300)).click().perform();
            wait.until(d -> person.script("return document.querySelector('summit-model-editor')._editor.get('selection').get()"
                    + ".map(e => e.id).join(',')").equals(created));
            group("General");
            WebElement id = wait.until(ExpectedConditions.elementToBeClickable(By.id("bio-properties-panel-id")));
            id.click();
            new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE).perform();
            person.typeSlowly("Task_SiteVisit");
            person.typeSlowly(driver.findElement(By.id("bio-properties-panel-name")), "现场考察");
            group("Assignment");
            person.typeSlowly(person.clickable(By.id("bio-properties-panel-assignmentDefinitionAssignee")), "=owner");
            group("Form");
            // a job-worker user task offers a linked and an embedded Camunda form: she links the one she made
            // from the keyboard, as a select is used without opening it: the first choice after <none>
            WebElement formType = person.clickable(By.id("bio-properties-panel-formType"));
            formType.sendKeys(Keys.ARROW_DOWN);
            wait.until(d -> new Select(d.findElement(By.id("bio-properties-panel-formType"))).getFirstSelectedOption().getText()
                    .equals("Camunda Form (linked)"));
            person.typeSlowly(person.clickable(By.id("bio-properties-panel-formId")), formId);
            // the panel takes a typed value after a pause; the linter's "must have a defined Form ID" goes once it has
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("model-lint-summary"), "0 个错误"));
            Browser.screenshot(driver, "41-migration-journey-task");
            person.click(By.id("model-draft-save"));
            wait.until(d -> drafts.find(LIFECYCLE, owner).map(x -> x.content().contains("id=\"Task_SiteVisit\"")
                    && x.content().contains("formId=\"" + formId + "\"") && x.content().contains("assignee=\"=owner\"")
                    && x.content().contains("name=\"现场考察\"")).orElse(false));

            // she checks it: Camunda's rules in the editor, Summit's own beside it
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("model-lint-summary"), "0 个错误"));
            person.click(By.id("model-draft-check"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("model-summit-checks"), "没有发现问题"));
            Browser.screenshot(driver, "42-migration-journey-checked");
            propose("方案设计前先做现场考察", "site-visit");
            // the diff names the new step; the lifecycle needs a second pair of eyes
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-change-list"), "现场考察"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-waiting")));
            Browser.screenshot(driver, "43-migration-journey-request");
            String request = driver.getCurrentUrl();

            // 3. an admin approves it in the inbox
            person.signIn("admin");
            person.clickCellContaining("审批模型变更");
            // offered to the process owners and admins: she takes it first
            person.click(By.id("task-claim"));
            // the form is drawn again, editable, once the task is hers
            person.clickable(By.id("task-submit"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("summit-form-viewer .fjs-form")));
            person.click(driver.findElements(By.cssSelector(".fjs-form-field-radio label")).stream().filter(l -> l.getText().contains("批准"))
                    .findFirst().orElseThrow());
            person.click(By.id("task-submit"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));

            // she deploys it
            person.signIn("zhaomin");
            driver.get(request);
            person.click(By.id("request-deploy"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-state"), "已部署"));
            ModelVersion deployed = current();
            assertThat(deployed.version()).isEqualTo(before.version() + 1);

            // 4. she moves the deals in stage 3 onto it, their design step mapped to the visit
            person.open("workbench/model/" + LIFECYCLE);
            person.click(By.id("model-migrate"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("migration-instance-list")));
            person.click(driver.findElements(By.cssSelector("#migration-filter vaadin-radio-button")).stream()
                    .filter(r -> r.getText().contains("所在阶段")).findFirst().orElseThrow());
            person.pick("migration-filter-stage", "方案设计");
            // the grid shows the deals in stage 3 and no others (a stage-2 deal's row goes once the filter is applied)
            wait.until(d -> {
                String shown = cells("migration-instance-list");
                return shown.contains(DEAL) && shown.contains(OTHER_DEAL) && !shown.contains("华东家电集团有限公司") && !shown.contains("需求确认");
            });
            // every element has its twin, so nothing needs a choice; she unticks the filter to send the design step to the visit
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("migration-all-matched")));
            person.click(By.cssSelector("#migration-changed-only label"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("migration-mapping")));
            person.pick("migration-target-Task_DesignSolution", "现场考察");
            Browser.screenshot(driver, "44-migration-journey-plan");
            person.click(By.id("migration-try"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("migration-try-result"), "已迁移到 v" + deployed.version()));
            person.click(By.id("migration-start"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("migration-progress"), "已完成"));
            assertThat(driver.findElement(By.id("migration-progress-text")).getText()).contains("0 个被拒绝");
            // the page counts again what runs where: the two deals on the new version (she scrolls up to the heading)
            person.script("document.getElementById('migration-running').scrollIntoView({block: 'center'});");
            new WebDriverWait(driver, Duration.ofSeconds(40)).withMessage(() -> "the count after the run: "
                    + driver.findElement(By.id("migration-running")).getText() + " / the engine: " + migrations.runningByVersion(owner, LIFECYCLE))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("migration-running"), "v" + deployed.version() + " · 2"));
            // the history words what she chose
            wait.until(d -> cells("migration-history").contains("所在阶段：方案设计"));
            person.script("document.getElementById('migration-progress').scrollIntoView({block: 'center'});");
            Browser.screenshot(driver, "45-migration-journey-done");
            // the same page in English: the run's history after the reload
            person.pick("language-switch", "English");
            wait.until(d -> d.findElement(By.id("language-switch")).getText().contains("English")
                    && !d.findElements(By.id("migration-history")).isEmpty());
            // no instance is in stage 3 on the old version any more, and the run's filter is still worded
            wait.until(d -> cells("migration-history").contains("In stage: Solution design"));
            person.script("document.getElementById('migration-history').scrollIntoView({block: 'center'});");
            Browser.screenshot(driver, "45-migration-journey-done-en");

            // 5. the rep finds the visit in the inbox, once, with its form, and completes it
            List<TaskRow> visits = tasks.inbox(rep).stream().filter(t -> "Task_SiteVisit".equals(t.task().elementId())).toList();
            assertThat(visits).as("the rep's stage-3 deal waits at the visit, once").hasSize(1);
            person.signIn("zhangwei");
            person.clickCellContaining("现场考察");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("summit-form-viewer .fjs-form-field-datetime")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-context"), DEAL));
            person.click(By.cssSelector(".fjs-form-field-datetime input"));
            person.click(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today"));
            person.click(driver.findElements(By.cssSelector(".fjs-form-field-checkbox label")).stream().filter(l -> l.getText().contains("已实地查看仓库"))
                    .findFirst().orElseThrow());
            person.typeSlowly(driver.findElement(By.cssSelector(".fjs-form-field-textarea textarea")), "深圳仓月台不足，首发周需要临时增加两个卸货口");
            Browser.screenshot(driver, "46-migration-journey-visit");
            person.click(By.id("task-submit"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                    .filter(t -> t.task().processInstanceKey() == visits.getFirst().task().processInstanceKey()).map(t -> t.task().elementId()).toList(),
                    open -> open.equals(List.of("Task_DesignSolution")));
        } catch (RuntimeException | AssertionError e) {
            Browser.failed(driver, "49-migration-journey-failed");
            throw e;
        }
    }

    /** Opens the propose dialog, types the comment (and tag), acknowledges warnings if there are any, and submits. */
    private void propose(String comment, String tag) {
        person.click(By.id("model-draft-propose"));
        person.typeSlowly(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#propose-comment textarea"))), comment);
        if (tag != null) {
            person.typeSlowly(driver.findElement(By.cssSelector("#propose-tag input")), tag);
        }
        person.click(By.id("propose-submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-state")));
    }

    /** Expands a group of the properties panel by its title. */
    private void group(String title) {
        WebElement header = wait.until(d -> d.findElements(By.cssSelector(".bio-properties-panel-group-header")).stream()
                .filter(h -> h.getText().trim().startsWith(title)).findFirst().orElse(null));
        if (!header.getAttribute("class").contains("open")) {
            person.click(header);
        }
    }

    private String cells(String gridId) {
        // the rows drawn now: a grid keeps the cells of rows it no longer shows, hidden, with their old text
        return (String) person.script("return [...document.querySelectorAll('#' + arguments[0] + ' vaadin-grid-cell-content')]"
                + ".filter(c => c.checkVisibility()).map(c => c.textContent).join(' | ');", gridId);
    }

    private ModelVersion current() {
        return models.current().stream().filter(v -> v.resourceName().equals(LIFECYCLE)).findFirst().orElseThrow();
    }
}
