package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.local.LocalRuntime;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.ScorecardService;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.search.service.SearchUnavailableException;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskOutcome;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The first vertical slice, driven through the services of the running app. */
class LocalSliceIT extends LocalAppIT {

    @Autowired com.summit.opportunity.service.ScorecardService scorecards;

    @Autowired CustomerService customers;
    @Autowired OpportunityService opportunities;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired LocalRuntime runtime;

    @Test
    void aRepWalksAnOpportunityThroughStageOneAndFindsItBySearch() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        var customer = customers.create(new NewCustomer("华东冷链食品有限公司", "91350100M000100Y43", Industry.COLD_CHAIN_FOOD, "上海"), rep);
        Opportunity created = opportunities.create(new NewOpportunity(customer.id(), "长三角冷链配送项目",
                "客户需要覆盖江浙沪的冷链仓配一体化服务，现有承运商时效不稳定", new BigDecimal("3600000"),
                Set.of(LogisticsService.COLD_CHAIN, LogisticsService.DISTRIBUTION)), rep);
        assertThat(created.stage()).isEqualTo(Stage.IDENTIFICATION);
        assertThat(created.processInstanceKey()).isNotNull();

        TaskRow row = awaitTask(rep, created.id(), "识别商机：客户画像与线索");
        assertThat(row.business()).isEqualTo("华东冷链食品有限公司 · 长三角冷链配送项目");
        var details = tasks.open(row.task().id(), rep, Locales.ZH_CN);
        assertThat(details.formSchemaJson()).contains("opportunity-identification");
        assertThat(details.context()).extracting(c -> c.value()).contains("华东冷链食品有限公司", "长三角冷链配送项目", "1 · 商机识别");

        // the stage's gate needs a stated need on the scorecard
        scorecards.changeLevel(created.id(), ScoreElement.NEED, 1, ScorecardService.Evidence.note("客户来电：需要江浙沪冷链仓配"), rep);
        TaskOutcome outcome = tasks.complete(row.task().id(), rep, """
                {"leadSource":"REFERRAL","statedNeed":"客户需要覆盖江浙沪的冷链仓配一体化服务","requestAdvance":true,
                 "servicesNeeded":["COLD_CHAIN","DISTRIBUTION"],"estimatedAnnualValue":360,"decisionMakerKnown":true}""",
                Locales.ZH_CN);
        assertThat(outcome).isEqualTo(TaskOutcome.COMPLETED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(opportunities.find(created.id()).orElseThrow().stage()).isEqualTo(Stage.NEED_CONFIRMATION));
        awaitTask(rep, created.id(), "确认真实需求");
        assertThat(tasks.inbox(rep)).filteredOn(r -> Long.valueOf(created.id()).equals(r.task().opportunityId())).hasSize(1);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreException(SearchUnavailableException.class)
                .untilAsserted(() -> assertThat(opportunities.search("冷链", rep)).extracting(Opportunity::id).contains(created.id()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(opportunities.search("时效", rep)).extracting(Opportunity::stage).contains(Stage.NEED_CONFIRMATION));
        assertThat(opportunities.search("冷链", users.find("lina").orElseThrow())).extracting(Opportunity::id).contains(created.id());
        assertThat(opportunities.search("冷链", users.find("wangfang").orElseThrow())).isEmpty();
    }

    @Test
    void aFormWithoutRequiredValuesIsRefusedInChineseAndTheTaskStaysOpen() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        var customer = customers.create(new NewCustomer("苏州精密电子有限公司", null, Industry.ELECTRONICS_3C, "苏州"), rep);
        Opportunity created = opportunities.create(new NewOpportunity(customer.id(), "电子元器件仓储外包", null,
                new BigDecimal("800000"), Set.of(LogisticsService.WAREHOUSING)), rep);
        TaskRow row = awaitTask(rep, created.id(), "识别商机：客户画像与线索");

        assertThatThrownBy(() -> tasks.complete(row.task().id(), rep, "{\"estimatedAnnualValue\":\"很多\"}", Locales.ZH_CN))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments()))
                        .contains("“线索来源”为必填项", "“预计年合同额（万元）”应为数字"));

        assertThat(tasks.inbox(rep)).extracting(r -> r.task().id()).contains(row.task().id());
        assertThat(opportunities.find(created.id()).orElseThrow().stage()).isEqualTo(Stage.IDENTIFICATION);
        // the job is still open in the engine: a valid submission completes it
        scorecards.changeLevel(created.id(), ScoreElement.NEED, 1, ScorecardService.Evidence.note("招标文件：恒温恒湿仓"), rep);
        assertThat(tasks.complete(row.task().id(), rep, """
                {"leadSource":"TENDER","statedNeed":"需要苏州工业园区的恒温恒湿仓库","servicesNeeded":["WAREHOUSING"],"requestAdvance":true,
                 "estimatedAnnualValue":80}""", Locales.ZH_CN)).isEqualTo(TaskOutcome.COMPLETED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(opportunities.find(created.id()).orElseThrow().stage()).isEqualTo(Stage.NEED_CONFIRMATION));
    }

    @Test
    void aDraftKeepsHalfFilledValuesForTheAssigneeAndCannotOverwriteProcessData() throws Exception {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        var customer = customers.create(new NewCustomer("无锡精工机械有限公司", null, Industry.MACHINERY, "无锡"), rep);
        Opportunity created = opportunities.create(new NewOpportunity(customer.id(), "设备备件区域仓", null,
                new BigDecimal("900000"), Set.of(LogisticsService.WAREHOUSING)), rep);
        TaskRow row = awaitTask(rep, created.id(), "识别商机：客户画像与线索");

        tasks.saveDraft(row.task().id(), rep, "{\"statedNeed\":\"客户想在华东\",\"owner\":\"someone-else\",\"leadSource\":\"REFERRAL\"}");

        var reopened = tasks.open(row.task().id(), rep, Locales.ZH_CN);
        assertThat(reopened.hasDraft()).isTrue();
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reopened.formDataJson());
        assertThat(data.path("statedNeed").asText()).isEqualTo("客户想在华东");
        assertThat(data.path("leadSource").asText()).isEqualTo("REFERRAL");
        // the draft's "owner" is not a field of the form: dropped; and the instance's owner is not sent to the browser
        assertThat(data.has("owner")).isFalse();
        assertThat(data.path("customerName").asText()).isEqualTo("无锡精工机械有限公司");
        assertThatThrownBy(() -> tasks.saveDraft(row.task().id(), users.find("lina").orElseThrow(), "{}"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("task.error.notAssignee"));
        assertThat(tasks.open(row.task().id(), users.find("lina").orElseThrow(), Locales.ZH_CN).hasDraft()).isFalse();
    }

    @Test
    void onlyTheAssigneeCompletesAndOthersCannotEvenOpenTheTask() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser legal = users.find("wangfang").orElseThrow();
        var customer = customers.create(new NewCustomer("宁波家电集团", null, Industry.HOME_APPLIANCES, "宁波"), rep);
        Opportunity created = opportunities.create(new NewOpportunity(customer.id(), "家电干线运输", null,
                new BigDecimal("1500000"), Set.of(LogisticsService.LINE_HAUL)), rep);
        TaskRow row = awaitTask(rep, created.id(), "识别商机：客户画像与线索");

        assertThatThrownBy(() -> tasks.open(row.task().id(), legal, Locales.ZH_CN))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("task.error.notFound"));
        assertThatThrownBy(() -> tasks.complete(row.task().id(), legal, "{}", Locales.ZH_CN))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("task.error.notFound"));
        assertThat(tasks.inbox(legal)).noneMatch(r -> r.task().id() == row.task().id());
        assertThat(tasks.inbox(rep)).anyMatch(r -> r.task().id() == row.task().id());
    }

    @Test
    void badCustomerAndOpportunityInputIsRefusedAndNothingIsStored() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        customers.create(new NewCustomer("杭州电商物流有限公司", null, Industry.ECOMMERCE, "杭州"), rep);
        long customersBefore = customers.count();
        long opportunitiesBefore = opportunities.count();

        assertThatThrownBy(() -> customers.create(new NewCustomer(" 杭州电商物流有限公司 ", null, null, null), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e))
                        .containsExactly("客户“杭州电商物流有限公司”已存在"));
        // names that only differ by invisible or full-width characters are the same name; invisible characters are no name
        assertThatThrownBy(() -> customers.create(new NewCustomer("杭州电商\u200B物流有限公司\u202C", null, null, null), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e))
                        .containsExactly("客户“杭州电商物流有限公司”已存在"));
        assertThatThrownBy(() -> customers.create(new NewCustomer("\u200B\u202E\u3000", null, null, null), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e)).containsExactly("请输入客户名称"));
        assertThatThrownBy(() -> customers.create(new NewCustomer("长".repeat(101), null, null, null), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e)).containsExactly("客户名称最多 100 个字"));
        assertThatThrownBy(() -> customers.create(new NewCustomer("", "123", null, null), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e))
                        .containsExactly("请输入客户名称", "统一社会信用代码无效（应为 18 位，且校验位正确）"));
        long customerId = customers.visibleTo(rep).getFirst().id();
        assertThatThrownBy(() -> opportunities.create(new NewOpportunity(customerId, "负金额商机", null, new BigDecimal("-1"), Set.of()), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e)).containsExactly("金额不能为负数"));
        assertThatThrownBy(() -> opportunities.create(new NewOpportunity(customerId, "", null, null, Set.of()), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e)).containsExactly("请输入商机名称", "请输入金额"));
        assertThatThrownBy(() -> opportunities.create(new NewOpportunity(customerId, "\u2060\u200D", null, BigDecimal.TEN, Set.of()), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e)).containsExactly("请输入商机名称"));

        assertThat(customers.count()).isEqualTo(customersBefore);
        assertThat(opportunities.count()).isEqualTo(opportunitiesBefore);
        assertThat(opportunities.visibleTo(rep)).noneMatch(o -> o.name().equals("负金额商机"));
    }

    @Test
    void theEmbeddedElasticsearchRunsUnderTheAppAndAnswers() {
        await().atMost(Duration.ofSeconds(120)).until(runtime::isElasticsearchReady);
        // the manager sees her team's deals (other tests of this app win and lose some of them)
        assertThat(opportunities.visibleTo(users.find("lina").orElseThrow())).extracting(o -> o.name()).contains("全国七仓仓配一体化", "长三角冷链城配");
    }

    private List<String> texts(ValidationException e) {
        return e.errors().stream().map(f -> messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments())).toList();
    }

    private TaskRow awaitTask(SummitUser user, long opportunityId, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(user).stream()
                        .filter(r -> r.task().opportunityId() != null && r.task().opportunityId() == opportunityId && r.task().name().equals(name))
                        .findFirst().orElse(null),
                r -> r != null);
    }
}
