package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.base.i18n.Locales;
import com.summit.customer.domain.Industry;
import com.summit.customer.domain.LogisticsService;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.GateService;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.workbench.service.ModelChanges;
import com.summit.workbench.service.ModelDrafts;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process owner's second journey in a real Chromium, at a person's pace: 赵敏 raises stage 2's need threshold in
 * the decision table editor, sees which deals it would now hold, proposes and deploys it; the next gate check applies
 * the new rule. The table is put back afterwards, as a roll-back through the workbench.
 */
class WorkbenchJourneyIT extends LocalAppIT {

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired ModelDrafts drafts;
    @Autowired ModelChanges changes;
    @Autowired ModelStore models;
    @Autowired GateService gates;
    @Autowired CustomerService customers;
    @Autowired OpportunityService opportunities;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(40));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theProcessOwnerRaisesStageTwosNeedThresholdSeesTheDealsItHoldsAndDeploysIt() {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        SummitUser rep = users.find("zhangwei").orElseThrow();
        drafts.discard("stage-gate.dmn", owner);
        ModelVersion before = models.current().stream().filter(v -> v.resourceName().equals("stage-gate.dmn")).findFirst().orElseThrow();
        var customer = customers.create(new NewCustomer("门槛旅程物流" + System.nanoTime() % 100000, null, Industry.RETAIL, "江苏南京"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "门槛旅程", null, new BigDecimal("2000000"),
                Set.of(LogisticsService.LINE_HAUL)), rep);
        try {
            signIn("zhaomin");
            driver.get("http://localhost:" + port + "/workbench/model/stage-gate.dmn");
            click(wait.until(ExpectedConditions.elementToBeClickable(By.id("model-draft-start"))));
            // the decision table editor opens on the table; stage 2's need rule: "< 4" becomes "< 5", and it asks for 5
            // typed without the space: dmn-js 17's FEEL cell puts the cursor back at the start after a trailing space
            editCell("Rule_05_need", "<5");
            editCell("Rule_05_required", "5");
            Browser.screenshot(driver, "30-workbench-table-edited");
            click(driver.findElement(By.id("model-draft-save")));
            wait.until(d -> drafts.find("stage-gate.dmn", owner).map(x -> x.content().contains("&lt;5")).orElse(false));

            click(wait.until(ExpectedConditions.elementToBeClickable(By.id("model-draft-impact"))));
            WebElement impact = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("workbench-impact")));
            wait.until(d -> impact.getText().contains("华东家电集团有限公司"));
            assertThat(impact.getText()).contains("需求需达到 5 级（现为 3 级）").contains("需求需达到 4 级（现为 3 级）");
            Browser.screenshot(driver, "31-workbench-impact");

            click(driver.findElement(By.id("model-draft-propose")));
            WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#propose-comment textarea")));
            typeSlowly(comment, "需求确认阶段的需求门槛提高到 5 级");
            typeSlowly(driver.findElement(By.cssSelector("#propose-tag input")), "need-5");
            click(driver.findElement(By.id("propose-submit")));
            click(wait.until(ExpectedConditions.elementToBeClickable(By.id("request-deploy"))));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-state"), "已部署"));
            Browser.screenshot(driver, "32-workbench-deployed");

            ModelVersion deployed = models.current().stream().filter(v -> v.resourceName().equals("stage-gate.dmn")).findFirst().orElseThrow();
            assertThat(deployed.version()).isEqualTo(before.version() + 1);
            assertThat(deployed.versionTag()).isEqualTo("need-5");
            assertThat(String.join("；", gates.describe(gates.evaluate(deal.id(), Stage.NEED_CONFIRMATION, Map.of()), Locales.ZH_CN)))
                    .contains("需求需达到 5 级（现为 0 级）");
        } finally {
            drafts.discard("stage-gate.dmn", owner);
            ModelVersion now = models.current().stream().filter(v -> v.resourceName().equals("stage-gate.dmn")).findFirst().orElseThrow();
            if (now.id() != before.id()) {
                changes.deploy(changes.rollBack(before.id(), "旅程测试结束，恢复原来的门槛", null, false, owner).id(), owner);
            }
        }
    }

    /**
     * Clicks a cell of the decision table (it turns into its FEEL editor), selects what it holds, and types the new
     * text at a person's pace.
     */
    private void editCell(String elementId, String text) {
        String td = "td[data-element-id='" + elementId + "']";
        WebElement cell = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(td + " [contenteditable]")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", cell);
        cell.click();
        WebElement editor = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(td + " .cm-content")));
        editor.click();
        var actions = new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE);
        text.codePoints().forEach(c -> actions.sendKeys(new String(Character.toChars(c))).pause(Duration.ofMillis(60)));
        actions.perform();
        wait.until(d -> text.equals(((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll(arguments[0] + ' .cm-line')].map(l => l.textContent).join('\\n').trim()", td)));
    }

    private void typeSlowly(WebElement field, String text) {
        if (!field.equals(driver.switchTo().activeElement())) {
            field.click();
        }
        var actions = new Actions(driver);
        text.codePoints().forEach(c -> actions.sendKeys(new String(Character.toChars(c))).pause(Duration.ofMillis(60)));
        actions.perform();
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void signIn(String username) {
        driver.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demo-users")));
        WebElement login = driver.findElement(By.id("login-form"));
        shadow(login, "input[name='username']").sendKeys(username);
        shadow(login, "input[name='password']").sendKeys("summit");
        shadow(login, "vaadin-button[slot='submit'], button[type='submit'], vaadin-button").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));
    }

    private WebElement shadow(WebElement host, String css) {
        return wait.until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                "const host = arguments[0]; const css = arguments[1];"
                        + "return host.querySelector(css) || (host.shadowRoot && host.shadowRoot.querySelector(css))"
                        + " || [...host.querySelectorAll('*')].map(e => e.shadowRoot && e.shadowRoot.querySelector(css)).find(Boolean);",
                host, css));
    }
}
