package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rep signs in, opens the stage-1 task from the inbox, fills the form in the browser and sees the deal move on. */
class BrowserJourneyIT extends LocalAppIT {

    @LocalServerPort int port;
    @Autowired CustomerService customers;
    @Autowired OpportunityService opportunities;
    @Autowired UserService users;
    @Autowired com.summit.tasklist.service.TaskService tasks;
    @Autowired com.summit.tasklist.service.TaskAssignment assignment;
    @Autowired com.summit.opportunity.service.ScorecardService scorecards;
    @Autowired com.summit.engine.ProcessEngine engine;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aRepCompletesTheIdentificationFormAndSeesTheOpportunityInNeedConfirmation() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        var customer = customers.create(new NewCustomer("上海汽车零部件有限公司", null, Industry.AUTOMOTIVE, "上海嘉定"), rep);
        Opportunity opportunity = opportunities.create(new NewOpportunity(customer.id(), "零部件入厂物流 JIT 项目",
                "主机厂要求集装箱准时到达而不是更快到达", new BigDecimal("5200000"),
                Set.of(LogisticsService.LINE_HAUL, LogisticsService.WAREHOUSING)), rep);
        // the stage's gate needs a stated need on the scorecard (the opportunity page test climbs it in the browser)
        scorecards.changeLevel(opportunity.id(), com.summit.opportunity.domain.ScoreElement.NEED, 1,
                com.summit.opportunity.service.ScorecardService.Evidence.note("主机厂来函：集装箱准时到厂"), rep);

        driver.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demo-users")));
        Browser.screenshot(driver, "01-login");
        WebElement login = driver.findElement(By.id("login-form"));
        shadowInput(login, "input[name='username']").sendKeys("zhangwei");
        shadowInput(login, "input[name='password']").sendKeys("summit");
        shadowInput(login, "vaadin-button[slot='submit'], button[type='submit'], vaadin-button").click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));
        wait.until(d -> d.findElement(By.id("inbox-grid")).getText().contains("零部件入厂物流 JIT 项目")
                || cellTexts().contains("零部件入厂物流 JIT 项目"));
        // narrow the inbox by business data: the filter bar
        driver.findElement(By.cssSelector("#inbox-filters vaadin-details-summary")).click();
        WebElement filterText = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#filter-text input")));
        filterText.sendKeys("零部件入厂");
        filterText.sendKeys(org.openqa.selenium.Keys.TAB);
        wait.until(d -> d.findElement(By.id("inbox-count")).getText().equals("共 1 项"));
        Browser.screenshot(driver, "02-inbox");
        clickGridCellContaining("零部件入厂物流 JIT 项目");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("summit-form-viewer .fjs-form")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-context"), "上海汽车零部件有限公司"));
        // the process diagram shows where the deal stands: the current step is highlighted
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#task-diagram .djs-element.summit-current[data-element-id='Task_IdentifyOpportunity']")));
        // lead source: form-js's searchable select
        WebElement select = driver.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
        select.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
        driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(e -> e.getText().contains("客户推荐")).findFirst().orElseThrow().click();
        driver.findElement(By.cssSelector(".fjs-form-field-textarea textarea"))
                .sendKeys("主机厂要求集装箱准时到达，现有承运商经常延误");
        for (WebElement label : driver.findElements(By.cssSelector(".fjs-form-field-checklist label"))) {
            if (label.getText().contains("干线运输") || label.getText().equals("仓储")) {
                label.click();
            }
        }
        driver.findElement(By.cssSelector(".fjs-form-field-number input")).sendKeys("520");
        // the work of the stage is done: ask for the gate
        driver.findElements(By.cssSelector(".fjs-form-field-checkbox label")).stream()
                .filter(e -> e.getText().contains("申请进入下一阶段")).findFirst().orElseThrow().click();
        driver.findElement(By.cssSelector(".fjs-form-field-textfield input:not([readonly])")).sendKeys("下周拜访物流总监");
        // attach the customer's request; a program dressed up as a PDF is refused in Chinese
        upload(TaskAttachmentsIT.PDF, "客户询价函.pdf");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-attachment-list"), "客户询价函.pdf"));
        upload(TaskAttachmentsIT.EXE, "报价单.pdf");
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('vaadin-notification-card')].some(c => c.textContent.includes('与扩展名不符'));"));
        assertThat(driver.findElement(By.id("task-attachment-list")).getText()).doesNotContain("报价单.pdf");
        assertThat(driver.findElements(By.cssSelector("#task-attachment-list .summit-attachment-link"))).hasSize(1);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1900));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0); document.querySelectorAll('*').forEach(e => e.scrollTop = 0);");
        Browser.screenshot(driver, "03-task-form");

        driver.findElement(By.id("task-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));

        // live list: a task that becomes the rep's work appears without a reload, with a notification (Push)
        opportunities.create(new NewOpportunity(customer.id(), "售后备件逆向物流", null, new BigDecimal("300000"),
                Set.of(LogisticsService.DISTRIBUTION)), rep);
        wait.until(d -> cellTexts().contains("售后备件逆向物流"));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('vaadin-notification-card')].some(c => c.textContent.includes('新任务'));"));
        Browser.screenshot(driver, "03b-inbox-live");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(opportunities.find(opportunity.id()).orElseThrow().stage()).isEqualTo(Stage.NEED_CONFIRMATION));

        driver.get("http://localhost:" + port + "/opportunities");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opportunity-grid")));
        wait.until(d -> cellTexts().contains("2 · 需求确认"));
        Browser.screenshot(driver, "04-opportunities");
        assertThat(cellTexts()).contains("零部件入厂物流 JIT 项目", "2 · 需求确认");

        // a duplicate customer name is refused on its field, in Chinese, and nothing is stored
        long customersBefore = customers.count();
        driver.get("http://localhost:" + port + "/customers");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("customer-new"))).click();
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#customer-name input")));
        name.sendKeys("上海汽车零部件有限公司");
        driver.findElement(By.id("customer-save")).click();
        wait.until(d -> d.findElement(By.id("customer-name")).getDomAttribute("invalid") != null);
        assertThat(driver.findElement(By.id("customer-name")).getDomProperty("errorMessage"))
                .isEqualTo("客户“上海汽车零部件有限公司”已存在");
        Browser.screenshot(driver, "05-customer-duplicate");
        assertThat(customers.count()).isEqualTo(customersBefore);
        driver.get("http://localhost:" + port + "/opportunities");
        wait.until(d -> cellTexts().contains("2 · 需求确认"));

        // the same screen in English: the language choice lives in a cookie
        driver.manage().addCookie(new org.openqa.selenium.Cookie("summit-locale", "en"));
        driver.navigate().refresh();
        wait.until(d -> cellTexts().contains("2 · Need confirmation"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Opportunities", "My tasks", "Sign out");
        Browser.screenshot(driver, "06-opportunities-en");
    }

    @Test
    void aRepOpensAnOpportunityFromTheStartFormInTheTaskList() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        customers.create(new NewCustomer("昆山新锐光电有限公司", null, Industry.ELECTRONICS_3C, "江苏苏州"), rep);
        signIn("zhangwei");

        wait.until(ExpectedConditions.elementToBeClickable(By.id("start-menu"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start-opportunity-lifecycle"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("summit-form-viewer .fjs-form")));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1200));
        // form-js's own texts are in Chinese too: the select's placeholder, and what a required field says
        wait.until(d -> "搜索".equals(d.findElement(By.cssSelector(".fjs-form-field-select input")).getAttribute("placeholder")));
        driver.findElement(By.id("start-submit")).click();
        wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field-error")).stream().anyMatch(e -> e.getText().contains("此项必填。")));
        assertThat(driver.findElement(By.cssSelector("summit-form-viewer")).getText()).doesNotContain("Field is required");
        driver.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group")).click();
        // a searchable select: typing narrows the list to the customer
        driver.findElement(By.cssSelector(".fjs-form-field-select input")).sendKeys("昆山");
        wait.until(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream().anyMatch(e -> e.getText().contains("昆山新锐光电")));
        driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(e -> e.getText().contains("昆山新锐光电")).findFirst().orElseThrow().click();
        driver.findElement(By.cssSelector(".fjs-form-field-textfield input")).sendKeys("新品上市华东分拨");
        driver.findElement(By.cssSelector(".fjs-form-field-number input")).sendKeys("1800000");
        // an amount in yuan reads as money under its field
        wait.until(d -> "¥1,800,000.00".equals(d.findElement(By.cssSelector(".fjs-form-field-number")).getAttribute("data-summit-amount")));
        for (WebElement label : driver.findElements(By.cssSelector(".fjs-form-field-checklist label"))) {
            if (label.getText().contains("干线运输") || label.getText().contains("城市配送")) {
                label.click();
            }
        }
        driver.findElement(By.cssSelector(".fjs-form-field-textarea textarea")).sendKeys("新机首发周，华东 300 家门店同步到货");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1200));
        Browser.screenshot(driver, "07-start-form");
        driver.findElement(By.id("start-submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));
        wait.until(d -> cellTexts().contains("新品上市华东分拨"));
        Browser.screenshot(driver, "08-inbox-after-start");
        assertThat(opportunities.visibleTo(rep)).extracting(Opportunity::name).contains("新品上市华东分拨");
    }

    @Test
    void aRepClimbsAScorecardLadderWithEvidenceOnTheOpportunityPage() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        var customer = customers.create(new NewCustomer("合肥智造家电有限公司", null, Industry.HOME_APPLIANCES, "安徽合肥"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "全国七仓仓配一体化", "客户要求在全国建七个仓",
                new BigDecimal("36000000"), Set.of(LogisticsService.WAREHOUSING, LogisticsService.DISTRIBUTION)), rep);
        signIn("zhangwei");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1900));
        driver.get("http://localhost:" + port + "/opportunities/" + deal.id());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#opportunity-radar canvas")));
        assertThat(driver.findElement(By.id("opportunity-stage-path")).getText()).contains("商机识别", "需求确认", "合同签订");
        assertThat(driver.findElement(By.id("ladder-NEED")).getText()).contains("0/6", "下一检查点：收到客户的明确要求");

        // without evidence: refused on the field, in Chinese; with evidence: the ladder climbs
        driver.findElement(By.id("score-change-NEED")).click();
        WebElement save = wait.until(ExpectedConditions.elementToBeClickable(By.id("score-save")));
        save.click();
        wait.until(d -> d.findElement(By.id("score-text")).getDomAttribute("invalid") != null);
        assertThat(driver.findElement(By.id("score-text")).getDomProperty("errorMessage")).startsWith("调整等级需要证据");
        driver.findElement(By.cssSelector("#score-text textarea")).sendKeys("客户邮件：需要在全国建七个仓，覆盖华东、华南、华北");
        driver.findElement(By.id("score-save")).click();
        wait.until(d -> d.findElement(By.id("ladder-NEED")).getText().contains("1/6"));
        assertThat(driver.findElement(By.id("ladder-NEED")).getText()).contains("下一检查点：找到背后的痛点");
        assertThat(driver.findElement(By.id("opportunity-timeline")).getText()).contains("需求：0 → 1 级", "客户邮件：需要在全国建七个仓");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#opportunity-diagram .djs-element.summit-current")));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0); document.querySelectorAll('*').forEach(e => e.scrollTop = 0);");
        Browser.screenshot(driver, "09-opportunity-page");
    }

    @Test
    void aCardDraggedOnTheBoardIsRefusedByTheGateWithItsReasons() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        var customer = customers.create(new NewCustomer("常州动力电池有限公司", null, Industry.AUTOMOTIVE, "江苏常州"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "电池包入厂物流", "按节拍准时配送电池包",
                new BigDecimal("8800000"), Set.of(LogisticsService.LINE_HAUL, LogisticsService.WAREHOUSING)), rep);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .anyMatch(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId())));
        long taskId = tasks.inbox(rep).stream().filter(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId())).findFirst()
                .orElseThrow().task().id();
        tasks.saveDraft(taskId, rep, """
                {"leadSource":"REFERRAL","statedNeed":"按生产节拍准时配送电池包，减少线边库存","servicesNeeded":["LINE_HAUL"],"estimatedAnnualValue":880}""");
        signIn("zhangwei");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1600, 1000));
        driver.get("http://localhost:" + port + "/board");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-" + deal.id())));
        assertThat(driver.findElement(By.id("board-column-IDENTIFICATION")).getText()).contains("电池包入厂物流", "常州动力电池有限公司");
        // the card is ready to be dragged once Vaadin has wired it up
        wait.until(d -> "true".equals(d.findElement(By.id("card-" + deal.id())).getDomProperty("draggable")));

        // drag the card to the next column (HTML5 drag and drop, as the browser fires it); on a loaded machine the
        // first synthetic drag can reach the page before Vaadin's drop handling is ready, so it is repeated until the
        // board answers that it asked for the advance
        for (int attempt = 0; attempt < 3; attempt++) {
            ((JavascriptExecutor) driver).executeScript("""
                    const source = document.getElementById(arguments[0]);
                    const target = document.getElementById(arguments[1]);
                    const data = new DataTransfer();
                    source.dispatchEvent(new DragEvent('dragstart', {bubbles: true, cancelable: true, dataTransfer: data}));
                    target.dispatchEvent(new DragEvent('dragenter', {bubbles: true, cancelable: true, dataTransfer: data}));
                    target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
                    target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
                    source.dispatchEvent(new DragEvent('dragend', {bubbles: true, cancelable: true, dataTransfer: data}));
                    """, "card-" + deal.id(), "board-column-NEED_CONFIRMATION");
            try {
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                        "return [...document.querySelectorAll('vaadin-notification-card')].some(c => c.textContent.includes('已申请推进')"
                                + " || c.textContent.includes('出口检查未通过'));"));
                break;
            } catch (org.openqa.selenium.TimeoutException notYet) {
                // not taken: drag again
            }
        }
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('vaadin-notification-card')].some(c => c.textContent.includes('出口检查未通过'));"));
        String refusal = (String) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('vaadin-notification-card')].map(c => c.textContent).join(' ');");
        assertThat(refusal).contains("需求需达到 1 级（现为 0 级）");
        Browser.screenshot(driver, "10-board-refused");
        // the card did not move
        assertThat(driver.findElement(By.id("board-column-IDENTIFICATION")).getText()).contains("电池包入厂物流");
        assertThat(opportunities.find(deal.id()).orElseThrow().stage()).isEqualTo(Stage.IDENTIFICATION);
    }

    @Test
    void financeVetoesFromItsQueueAndTheRepSeesWhy() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser legal = users.find("wangfang").orElseThrow();
        SummitUser tech = users.find("chenjie").orElseThrow();
        var customer = customers.create(new NewCustomer("合肥新能源电池有限公司", null, Industry.AUTOMOTIVE, "安徽合肥"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "电芯干线与厂内物流", null, new BigDecimal("8600000"),
                Set.of(LogisticsService.LINE_HAUL, LogisticsService.CONTRACT_LOGISTICS)), rep);
        long instance = engine.start("veto-approval", new java.util.HashMap<>(java.util.Map.of("opportunityId", deal.id(), "owner", "zhangwei",
                "stage", "PROPOSAL_NEGOTIATION", "amount", 8600000, "marginPercent", 14, "paymentTermDays", 90, "nonStandardTerms", false,
                "customerName", customer.name(), "opportunityName", deal.name())));
        // legal has approved already; finance's reviewer does not see how until they decide
        var legalReview = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(legal).stream()
                .filter(r -> r.task().processInstanceKey() == instance).findFirst().orElse(null), java.util.Objects::nonNull);
        assignment.claim(legalReview.task().id(), legal);
        tasks.complete(legalReview.task().id(), legal, "{\"decision\": \"APPROVE\"}", com.summit.base.i18n.Locales.ZH_CN);
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(tech).stream().anyMatch(r -> r.task().processInstanceKey() == instance));

        signIn("sunli");
        driver.get("http://localhost:" + port + "/approvals");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("approval-queue"), "电芯干线与厂内物流"));
        WebElement card = driver.findElements(By.cssSelector(".summit-approval-item")).stream()
                .filter(e -> e.getText().contains("电芯干线与厂内物流")).findFirst().orElseThrow();
        assertThat(card.getText()).contains("¥8,600,000.00", "14%", "90 天", "干线运输", "本轮其他部门的意见在你部门审批后可见")
                .doesNotContain("王芳");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        Browser.screenshot(driver, "11-approval-queue");
        card.findElement(By.cssSelector("vaadin-button[id^='approval-decide-']")).click();

        // the finance head takes the review and vetoes, with the reason
        wait.until(ExpectedConditions.elementToBeClickable(By.id("task-claim"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("summit-form-viewer .fjs-form")));
        // the form may render again once the task is ours: act on what is there now
        ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('vaadin-notification-card').forEach(c => c.remove());");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement veto = (WebElement) ((JavascriptExecutor) d).executeScript(
                    "const label = [...document.querySelectorAll('.fjs-form-field-radio label')].find(l => l.textContent.trim() === '否决');"
                            + "if (!label) return null;"
                            + "const input = (label.htmlFor && document.getElementById(label.htmlFor)) || label.querySelector('input')"
                            + " || label.previousElementSibling;"
                            + "input.scrollIntoView({block: 'center'}); return input;");
            if (veto == null) {
                return false;
            }
            veto.click();
            return veto.isSelected();
        });
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElements(By.cssSelector(".fjs-form-field-textarea textarea")).stream()
                    .filter(WebElement::isEnabled).filter(e -> e.getDomAttribute("readonly") == null).findFirst().orElseThrow()
                    .sendKeys("90 天账期超出信用额度，毛利 14% 覆盖不了资金成本；请改为 45 天或预付 30%");
            return true;
        });
        assertThat((String) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('summit-form-viewer textarea')].map(t => t.value).join('\\n');"))
                .contains("这是第一轮审批，此前没有结果");
        Browser.screenshot(driver, "12-finance-veto-form");
        driver.findElement(By.id("task-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));

        // the rep: the deal is back with the reason, on the rework task and on the deal's page
        driver.manage().deleteAllCookies();
        signIn("zhangwei");
        wait.until(d -> cellTexts().contains("处理否决意见"));
        driver.get("http://localhost:" + port + "/opportunities/" + deal.id());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opportunity-approvals"), "90 天账期超出信用额度"));
        String approvals = driver.findElement(By.id("opportunity-approvals")).getText();
        assertThat(approvals).contains("第 1 轮", "被否决", "财务（负责人）", "否决", "法务", "同意", "孙丽", "未审（本轮已因否决结束）");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('opportunity-approvals').scrollIntoView()");
        Browser.screenshot(driver, "13-rep-sees-veto");

        // the deal stalls: the bell tells the rep, and leads to the deal
        opportunities.markStalled(deal.id(), 777_000L + deal.id());
        driver.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));
        wait.until(d -> d.findElement(By.id("notification-count")).isDisplayed());
        driver.findElement(By.cssSelector("#notification-bell vaadin-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notification-list"), "电芯干线与厂内物流"));
        Browser.screenshot(driver, "14-notifications");
        driver.findElements(By.cssSelector(".notification-row")).stream().filter(e -> e.getText().contains("电芯干线与厂内物流"))
                .findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opportunity-stalled")));

        // the same page in English
        driver.manage().addCookie(new org.openqa.selenium.Cookie("summit-locale", "en"));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opportunity-approvals"), "Veto-holder approvals"));
        assertThat(driver.findElement(By.id("opportunity-approvals")).getText()).contains("Round 1", "Vetoed", "Finance (head)", "Veto");
        assertThat(driver.findElement(By.id("opportunity-follow-ups")).getText()).contains("Follow-ups", "Plan a follow-up");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2600));
        Browser.screenshot(driver, "15-opportunity-en");
    }

    @Test
    void aRepImportsCustomersFromAGbkCsvSeesEveryRowsResultAndOpensOneOfThem() {
        String marker = java.util.UUID.randomUUID().toString().substring(0, 4);
        String csv = """
                客户名称,统一社会信用代码,行业,地区,地址,需求类型
                苏州恒通电子%1$s有限公司,,3C 电子,江苏苏州,工业园区星湖街 328 号,时效敏感型
                无锡澄江纺织%1$s有限公司,,快消品,江苏无锡,,价格敏感型
                南通海安物流园%1$s有限公司,91320600MA1TEST00X,其他,江苏南通,,
                ,,电商,江苏常州,,
                常州天宁医药%1$s有限公司,,医药,江苏常州,,服务要求型
                """.formatted(marker);
        signIn("zhangwei");
        driver.get("http://localhost:" + port + "/customers/import");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-upload")));
        upload("import-upload", csv.getBytes(java.nio.charset.Charset.forName("GBK")), "苏南客户.csv");
        WebElement summary = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
        assertThat(summary.getText()).isEqualTo("共 5 行：新增 3 行，更新 0 行，有问题 2 行");
        wait.until(d -> cellTexts().contains("统一社会信用代码“91320600MA1TEST00X”无效"));
        assertThat(cellTexts()).contains("“客户名称”不能为空");
        Browser.screenshot(driver, "16-import-preview");

        driver.findElement(By.id("import-commit")).click();
        WebElement result = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-result-text")));
        assertThat(result.getText()).isEqualTo("已导入：新增 3 行，更新 0 行；2 行没有导入，见下表");
        Browser.screenshot(driver, "17-import-result");

        // the imported customer's page
        var imported = customers.page(users.find("zhangwei").orElseThrow(),
                new com.summit.customer.service.CustomerService.Filter(null, null, null, null, "苏州恒通电子" + marker), 0, 1).getFirst();
        driver.get("http://localhost:" + port + "/customers/" + imported.id());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customer-behaviour")));
        assertThat(driver.findElement(By.id("customer-behaviour")).getText()).contains("近 12 个月没有收入");
        Browser.screenshot(driver, "18-imported-customer");
    }

    @Test
    void aManagerOfAnotherTeamWhoOpensTheOtherTeamsTaskUrlIsToldItIsNotFound() {
        String customerName = "苏州精密机械" + System.nanoTime() % 100000;
        long taskId = stageTaskOfNewDeal(customerName, Industry.MACHINERY, "精密件区域配送", LogisticsService.DISTRIBUTION);

        signIn("huangmin");
        driver.get("http://localhost:" + port + "/tasks/" + taskId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-message"), "找不到这项任务。"));
        assertThat(driver.findElements(By.id("task-context"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("精密件区域配送").doesNotContain(customerName);
        Browser.screenshot(driver, "19-other-team-task-not-found");
    }

    @Test
    void whatARepTypesAtAHumanPaceReachesTheServerExactly() throws Exception {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        long taskId = stageTaskOfNewDeal("常州新能源" + System.nanoTime() % 100000, Industry.AUTOMOTIVE, "电池包干线", LogisticsService.LINE_HAUL);
        signIn("zhangwei");
        driver.get("http://localhost:" + port + "/tasks/" + taskId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("summit-form-viewer .fjs-form")));

        // a number, then straight on into the next text field, 100 ms a key
        WebElement amount = driver.findElement(By.cssSelector(".fjs-form-field-number input"));
        typeSlowly(amount, "880.5", 100);
        WebElement nextStep = driver.findElement(By.cssSelector(".fjs-form-field-textfield input:not([readonly])"));
        typeSlowly(nextStep, "下周拜访物流总监", 100);
        // the need: typed, then all selected and typed again
        WebElement need = driver.findElement(By.cssSelector(".fjs-form-field-textarea textarea:not([readonly])"));
        typeSlowly(need, "旧的描述", 120);
        new org.openqa.selenium.interactions.Actions(driver).keyDown(org.openqa.selenium.Keys.CONTROL).sendKeys("a")
                .keyUp(org.openqa.selenium.Keys.CONTROL).perform();
        typeSlowly(need, "电池包需要恒温干线", 120);
        WebElement draft = driver.findElement(By.id("task-save-draft"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", draft);
        draft.click();
        wait.until(d -> !tasks.open(taskId, rep, com.summit.base.i18n.Locales.ZH_CN).formDataJson().isEmpty()
                && tasks.open(taskId, rep, com.summit.base.i18n.Locales.ZH_CN).hasDraft());

        var saved = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tasks.open(taskId, rep, com.summit.base.i18n.Locales.ZH_CN).formDataJson());
        assertThat(saved.path("estimatedAnnualValue").decimalValue()).isEqualByComparingTo("880.5");
        assertThat(saved.path("nextStep").asText()).isEqualTo("下周拜访物流总监");
        assertThat(saved.path("statedNeed").asText()).isEqualTo("电池包需要恒温干线");
        Browser.screenshot(driver, "20-typed-at-human-pace");
    }

    /** A new deal of 张伟's, and the id of its first stage task once it is in his inbox. */
    private long stageTaskOfNewDeal(String customerName, Industry industry, String dealName, LogisticsService service) {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        var customer = customers.create(new NewCustomer(customerName, null, industry, "江苏"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), dealName, null, new BigDecimal("1500000"), Set.of(service)), rep);
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId())).map(r -> r.task().id()).findFirst().orElse(null),
                id -> id != null);
    }

    /**
     * Real key events into the focused field, one character at a time, {@code millis} apart: a person typing, not a
     * value set at once. The field is clicked first only when it does not have the focus yet.
     */
    private void typeSlowly(WebElement field, String text, long millis) {
        if (!field.equals(driver.switchTo().activeElement())) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
            field.click();
        }
        var actions = new org.openqa.selenium.interactions.Actions(driver);
        text.codePoints().forEach(c -> actions.sendKeys(new String(Character.toChars(c))).pause(Duration.ofMillis(millis)));
        actions.perform();
    }

    private void signIn(String username) {
        driver.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demo-users")));
        WebElement login = driver.findElement(By.id("login-form"));
        shadowInput(login, "input[name='username']").sendKeys(username);
        shadowInput(login, "input[name='password']").sendKeys("summit");
        shadowInput(login, "vaadin-button[slot='submit'], button[type='submit'], vaadin-button").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));
    }

    /** Picks a file in the task page's upload, as a person would in the file dialog. */
    private void upload(byte[] content, String fileName) {
        upload("task-upload", content, fileName);
    }

    /** Picks a file in an upload, as a person would in the file dialog. */
    private void upload(String uploadId, byte[] content, String fileName) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "it-files",
                    Long.toString(System.nanoTime())));
            java.nio.file.Path file = java.nio.file.Files.write(dir.resolve(fileName), content);
            WebElement input = driver.findElement(By.id(uploadId)).getShadowRoot().findElement(By.cssSelector("input[type='file']"));
            input.sendKeys(file.toAbsolutePath().toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private WebElement shadowInput(WebElement host, String css) {
        WebElement found = wait.until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                "const host = arguments[0]; const css = arguments[1];"
                        + "return host.querySelector(css) || (host.shadowRoot && host.shadowRoot.querySelector(css))"
                        + " || [...host.querySelectorAll('*')].map(e => e.shadowRoot && e.shadowRoot.querySelector(css)).find(Boolean);",
                host, css));
        return found;
    }

    private String cellTexts() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('vaadin-grid-cell-content')].map(c => c.textContent).join('\\n');");
    }

    private void clickGridCellContaining(String text) {
        ((JavascriptExecutor) driver).executeScript(
                "const cell = [...document.querySelectorAll('vaadin-grid-cell-content')].find(c => c.textContent.includes(arguments[0]));"
                        + "cell.click();", text);
    }
}
