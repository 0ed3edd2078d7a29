package com.summit.demo;

import com.summit.customer.domain.Customer;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CreditCode;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.engine.ProcessesDeployed;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.service.DemoUsers;
import com.summit.security.service.UserService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.domain.VetoHolder;
import com.summit.opportunity.service.GateService;
import com.summit.opportunity.service.ScorecardService;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Local mode's demo data, created once on an empty database: the source articles' cases as
 * real-looking Chinese customers, each with an opportunity whose lifecycle process is running.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /**
     * A deal of the demo pipeline: its customer, where it stands (stage, days in stage), its scorecard levels
     * (need, power, goals, value, collaboration) and its veto holders (legal, finance, technology).
     */
    record Case(String customer, Industry industry, String region, String owner, String opportunity, String description,
            long amount, Set<LogisticsService> services, CustomerTier tier, Stage stage, int daysInStage, int[] levels,
            VetoHolder.Status[] vetoes) {}

    /** The next follow-up planned for some demo deals (the others show "no follow-up planned"). */
    record Plan(com.summit.followup.domain.FollowUpChannel kind, String subject, int inDays) {}

    static final Map<String, Plan> FOLLOW_UPS = Map.of(
            "启明智能终端有限公司", new Plan(com.summit.followup.domain.FollowUpChannel.VISIT, "拜访供应链总监，演示七仓可视化方案", 2),
            "江淮汽车零部件有限公司", new Plan(com.summit.followup.domain.FollowUpChannel.MEETING, "与采购、生产计划部对齐准时到厂指标", 3),
            "华东家电集团有限公司", new Plan(com.summit.followup.domain.FollowUpChannel.CALL, "约售后服务部负责人确认回收网点清单", 1),
            "康宁医药流通有限公司", new Plan(com.summit.followup.domain.FollowUpChannel.VISIT, "陪同客户质量部验收 GSP 冷库", 5),
            "宁波港城物流园有限公司", new Plan(com.summit.followup.domain.FollowUpChannel.WECOM, "发送夜间短驳报价草案", 4));

    /** A contact with the customer that already happened: when (days ago), through which channel, whom the rep met, what was learnt. */
    record Past(com.summit.followup.domain.FollowUpChannel channel, String subject, int daysAgo, List<String> met, String learnt, String nextStep) {}

    private static final com.summit.followup.domain.FollowUpChannel VISIT = com.summit.followup.domain.FollowUpChannel.VISIT;
    private static final com.summit.followup.domain.FollowUpChannel CALL = com.summit.followup.domain.FollowUpChannel.CALL;
    private static final com.summit.followup.domain.FollowUpChannel WECOM = com.summit.followup.domain.FollowUpChannel.WECOM;
    private static final com.summit.followup.domain.FollowUpChannel MEETING = com.summit.followup.domain.FollowUpChannel.MEETING;
    private static final com.summit.followup.domain.FollowUpChannel EMAIL = com.summit.followup.domain.FollowUpChannel.EMAIL;

    /** The follow-ups done so far at some showcase deals, oldest first (the deal page counts them against the 4–11 norm). */
    static final Map<String, List<Past>> PAST_FOLLOW_UPS = Map.of(
            "启明智能终端有限公司", List.of(
                    new Past(CALL, "首次电话，了解建仓诉求", 40, List.of("刘晓"), "客户提出全国建七个仓；刘晓负责落地，但决策在供应链副总裁", "约见陈立华"),
                    new Past(VISIT, "拜访供应链副总裁", 33, List.of("陈立华", "刘晓"), "真实诉求是新品首发周全国门店同步到货、高价值货品全程可视", null),
                    new Past(MEETING, "需求澄清会", 26, List.of("刘晓", "赵敏行"), "IT 要求系统对接走 API 评审；可视化需接入客户的 WMS", "提交 API 对接说明"),
                    new Past(EMAIL, "发送对接说明", 20, List.of("赵敏行"), "IT 总监回复：需补充数据安全说明", null),
                    new Past(WECOM, "方案初稿沟通", 12, List.of("刘晓"), "仓网从七仓收敛为三个区域中心仓加前置仓，客户愿意看测算", "准备成本测算")),
            "江淮汽车零部件有限公司", List.of(
                    new Past(VISIT, "拜访生产副总", 60, List.of("周建国"), "只认准时率：按生产节拍到厂，不看单价", null),
                    new Past(MEETING, "与采购对齐", 52, List.of("吴婷"), "采购希望月度对账，付款走集团流程", null),
                    new Past(CALL, "财务总监电话", 45, List.of("钱伟"), "账期不超过 60 天，是硬条件", null),
                    new Past(VISIT, "线边库存现场调研", 38, List.of("周建国", "吴婷"), "线边库存平均 3.5 天，目标降到 1.5 天", null),
                    new Past(MEETING, "方案评审会", 30, List.of("周建国", "吴婷", "钱伟"), "方案通过技术评审；财务关注违约责任条款", null),
                    new Past(EMAIL, "发送报价", 21, List.of("吴婷"), "客户确认报价结构，要求把准时率写进 SLA", null),
                    new Past(CALL, "法务条款沟通", 10, List.of("孙律"), "法务要求赔偿上限按年度合同额的 10%", "内部评审赔偿条款")),
            "鲜达冷链食品股份有限公司", List.of(
                    new Past(CALL, "电话了解门店配送现状", 50, List.of(), "每日两配，现有承运商温控不稳定", "约门店运营负责人"),
                    new Past(VISIT, "走访两家门店", 42, List.of(), "损耗集中在夏季午间卸货环节", null)),
            "华东家电集团有限公司", List.of(
                    new Past(VISIT, "拜访售后服务部", 15, List.of(), "售后备件回收分散在 300 个网点，回收周期平均 21 天", "约服务部负责人确认网点清单")),
            "康宁医药流通有限公司", List.of(
                    new Past(VISIT, "GSP 冷库现场考察", 70, List.of(), "客户质量部对温湿度追溯要求逐单留痕", null),
                    new Past(MEETING, "质量协议讨论", 61, List.of(), "质量协议按客户模板签署", null),
                    new Past(EMAIL, "发送温控方案", 55, List.of(), "方案获质量部认可", null),
                    new Past(MEETING, "商务谈判", 40, List.of(), "价格按托位计，阶梯折扣", null),
                    new Past(CALL, "确认付款条件", 30, List.of(), "付款 45 天，月结", null),
                    new Past(VISIT, "高层拜访", 22, List.of(), "总经理确认合作意向", null),
                    new Past(MEETING, "合同条款终审", 12, List.of(), "法务、财务、技术三方均无异议", "准备签约")));

    /** Who the reps know at some showcase customers (the others show every role uncovered). */
    static final Map<String, List<com.summit.customer.service.NewContact>> CONTACTS = Map.of(
            "启明智能终端有限公司", List.of(
                    contact("陈立华", "供应链副总裁", com.summit.customer.domain.ContactRole.DECISION_MAKER, 2, "看数据说话，关心新品首发准时率"),
                    contact("刘晓", "物流经理", com.summit.customer.domain.ContactRole.BUSINESS_CONTACT, 4, "微信沟通，周五下午方便"),
                    contact("赵敏行", "IT 总监", com.summit.customer.domain.ContactRole.VETO_TECH, 1, "系统对接必须走 API 评审")),
            "江淮汽车零部件有限公司", List.of(
                    contact("周建国", "生产副总", com.summit.customer.domain.ContactRole.DECISION_MAKER, 3, "只认准时率，不看价格单价"),
                    contact("吴婷", "采购经理", com.summit.customer.domain.ContactRole.LEAD, 4, null),
                    contact("钱伟", "财务总监", com.summit.customer.domain.ContactRole.VETO_FINANCE, 2, "账期不超过 60 天"),
                    contact("孙律", "法务经理", com.summit.customer.domain.ContactRole.VETO_LEGAL, 3, null)));

    private static com.summit.customer.service.NewContact contact(String name, String title, com.summit.customer.domain.ContactRole role,
            int strength, String preferences) {
        return new com.summit.customer.service.NewContact(name, title, role, strength, preferences, null);
    }

    private static final VetoHolder.Status U = VetoHolder.Status.UNKNOWN;
    private static final VetoHolder.Status C = VetoHolder.Status.CONTACTED;
    private static final VetoHolder.Status R = VetoHolder.Status.CONCERNS;
    private static final VetoHolder.Status A = VetoHolder.Status.AGREED;

    static final List<Case> CASES = List.of(
            // the seeds' 3C customer who asked for "seven warehouses nationwide": the real need was behind the request
            new Case("启明智能终端有限公司", Industry.ELECTRONICS_3C, "广东深圳", "zhangwei", "全国七仓仓配一体化",
                    "客户提出“全国建七个仓”；背后的真实需求是新品首发周全国门店同步到货、高价值货品全程可视。",
                    36_000_000, Set.of(LogisticsService.WAREHOUSING, LogisticsService.LINE_HAUL, LogisticsService.DISTRIBUTION),
                    CustomerTier.STRATEGIC, Stage.SOLUTION_DESIGN, 12, new int[] {5, 3, 4, 3, 2}, new VetoHolder.Status[] {C, U, C}),
            // the seeds' carmaker: containers on time, not fast
            new Case("江淮汽车零部件有限公司", Industry.AUTOMOTIVE, "安徽合肥", "zhangwei", "进口件集装箱准时到厂",
                    "主机厂要的是集装箱“准时”到达而不是“更快”到达：按生产节拍送达，减少线边库存。",
                    12_500_000, Set.of(LogisticsService.LINE_HAUL, LogisticsService.CONTRACT_LOGISTICS),
                    CustomerTier.IMPORTANT, Stage.PROPOSAL_NEGOTIATION, 9, new int[] {6, 4, 5, 5, 4}, new VetoHolder.Status[] {A, R, C}),
            new Case("鲜达冷链食品股份有限公司", Industry.COLD_CHAIN_FOOD, "上海", "zhangwei", "长三角冷链城配",
                    "生鲜门店每日两配，现有承运商温控不稳定导致客诉和损耗。",
                    8_800_000, Set.of(LogisticsService.COLD_CHAIN, LogisticsService.DISTRIBUTION),
                    CustomerTier.IMPORTANT, Stage.NEED_CONFIRMATION, 35, new int[] {2, 1, 1, 0, 1}, new VetoHolder.Status[] {U, U, U}),
            new Case("云购电子商务有限公司", Industry.ECOMMERCE, "浙江杭州", "zhangwei", "大促峰值前置仓",
                    "双十一、六一八峰值订单是平日的八倍，需要弹性仓容和快速履约。",
                    4_600_000, Set.of(LogisticsService.WAREHOUSING, LogisticsService.DISTRIBUTION),
                    CustomerTier.ORDINARY, Stage.IDENTIFICATION, 3, new int[] {1, 0, 0, 0, 0}, new VetoHolder.Status[] {U, U, U}),
            new Case("康宁医药流通有限公司", Industry.PHARMA, "广东广州", "lina", "GSP 医药仓储外包",
                    "需要符合 GSP 的阴凉库和冷库，以及全程温湿度追溯。",
                    9_200_000, Set.of(LogisticsService.WAREHOUSING, LogisticsService.COLD_CHAIN),
                    CustomerTier.IMPORTANT, Stage.CONTRACT_SIGNING, 6, new int[] {6, 5, 6, 6, 5}, new VetoHolder.Status[] {A, A, A}),
            new Case("华东家电集团有限公司", Industry.HOME_APPLIANCES, "安徽合肥", "zhangwei", "售后备件逆向物流",
                    "家电头部客户的售后备件回收：上门取件、集中检测、返厂，决策链长。",
                    18_000_000, Set.of(LogisticsService.LINE_HAUL, LogisticsService.WAREHOUSING),
                    CustomerTier.STRATEGIC, Stage.NEED_CONFIRMATION, 8, new int[] {3, 2, 1, 1, 1}, new VetoHolder.Status[] {U, C, U}),
            new Case("苏州精工机械有限公司", Industry.MACHINERY, "江苏苏州", "zhangwei", "设备进口保税仓",
                    "进口设备零部件需要保税存储和按需出库。",
                    3_200_000, Set.of(LogisticsService.WAREHOUSING),
                    CustomerTier.ORDINARY, Stage.IDENTIFICATION, 1, new int[] {0, 0, 0, 0, 0}, new VetoHolder.Status[] {U, U, U}),
            new Case("宁波港城物流园有限公司", Industry.RETAIL, "浙江宁波", "lina", "港口集装箱短驳",
                    "港区到园区的集装箱短驳，夜间作业为主。",
                    4_800_000, Set.of(LogisticsService.LINE_HAUL),
                    CustomerTier.ORDINARY, Stage.SOLUTION_DESIGN, 5, new int[] {4, 3, 4, 2, 2}, new VetoHolder.Status[] {C, C, U}));

    private final DemoUsers demoUsers;
    private final UserService users;
    private final CustomerService customers;
    private final OpportunityService opportunities;

    private final ScorecardService scorecards;
    private final GateService gates;

    private final DemoApprovals approvals;
    private final com.summit.followup.service.FollowUpService followUps;
    private final com.summit.customer.service.TieringService tiering;
    private final com.summit.customer.service.ContactService contacts;
    private final com.summit.customer.service.BehaviourService behaviour;

    /** The showcase customers' need types, as their reps assessed them. */
    static final Map<String, com.summit.customer.domain.NeedType> NEED_TYPES = Map.of(
            "启明智能终端有限公司", com.summit.customer.domain.NeedType.TIME_CRITICAL,
            "江淮汽车零部件有限公司", com.summit.customer.domain.NeedType.TIME_CRITICAL,
            "鲜达冷链食品股份有限公司", com.summit.customer.domain.NeedType.SERVICE_DEMANDING,
            "云购电子商务有限公司", com.summit.customer.domain.NeedType.PRICE_SENSITIVE,
            "康宁医药流通有限公司", com.summit.customer.domain.NeedType.SERVICE_DEMANDING,
            "华东家电集团有限公司", com.summit.customer.domain.NeedType.BALANCED);

    /** How many customers are generated beside the showcase ones (500; tests that need none set 0). */
    private final int generatedCount;

    DemoData(DemoUsers demoUsers, UserService users, CustomerService customers, OpportunityService opportunities, ScorecardService scorecards,
            GateService gates, DemoApprovals approvals, com.summit.followup.service.FollowUpService followUps,
            com.summit.customer.service.TieringService tiering, com.summit.customer.service.ContactService contacts,
            com.summit.customer.service.BehaviourService behaviour,
            @org.springframework.beans.factory.annotation.Value("${summit.demo.generated-customers:" + DemoCustomers.COUNT + "}") int generatedCount) {
        this.generatedCount = generatedCount;
        this.behaviour = behaviour;
        this.tiering = tiering;
        this.contacts = contacts;
        this.followUps = followUps;
        this.approvals = approvals;
        this.scorecards = scorecards;
        this.gates = gates;
        this.demoUsers = demoUsers;
        this.users = users;
        this.customers = customers;
        this.opportunities = opportunities;
    }

    /** After deployment and reconciliation, so the demo opportunities start on the deployed models. */
    @EventListener
    @Order(20)
    public void onProcessesDeployed(ProcessesDeployed deployed) {
        if (!demoUsers.enabled() || customers.count() > 0) {
            return;
        }
        long started = System.nanoTime();
        java.util.concurrent.Executor background = task -> Thread.ofVirtual().name("demo-customers").start(task);
        // the generated customers are drawn (pure computation) while the showcase ones are created
        var generation = java.util.concurrent.CompletableFuture.supplyAsync(() -> DemoCustomers.generate(DemoCustomers.SEED, generatedCount,
                java.time.LocalDate.now(com.summit.base.i18n.Locales.ZONE).withDayOfMonth(1), Instant.now(), CASES.stream().map(Case::customer).toList(),
                java.util.stream.IntStream.rangeClosed(1, CASES.size()).mapToObj(DemoData::creditCode).toList()), background);
        int n = 0;
        List<Customer> showcase = new java.util.ArrayList<>();
        for (Case c : CASES) {
            var owner = users.find(c.owner()).orElseThrow();
            Customer customer = customers.create(new NewCustomer(c.customer(), creditCode(++n), c.industry(), c.region()), owner);
            customers.assignTier(customer.id(), c.tier());
            if (NEED_TYPES.containsKey(c.customer())) {
                customers.setNeedType(customer.id(), NEED_TYPES.get(c.customer()), owner);
            }
            revenue(customer.id(), c);
            for (var contact : CONTACTS.getOrDefault(c.customer(), List.of())) {
                contacts.add(customer.id(), contact, owner);
            }
            showcase.add(customer);
        }
        // the showcase customers have the first ids; the generated ones are stored and tiered while their deals are created
        var generated = generation.thenApplyAsync(this::generated, background);
        Map<Stage, Long> firstDealAt = new java.util.EnumMap<>(Stage.class);
        for (int k = 0; k < CASES.size(); k++) {
            Case c = CASES.get(k);
            Customer customer = showcase.get(k);
            var owner = users.find(c.owner()).orElseThrow();
            var input = new NewOpportunity(customer.id(), c.opportunity(), c.description(), BigDecimal.valueOf(c.amount()), c.services());
            Opportunity deal = c.stage() == Stage.IDENTIFICATION && c.daysInStage() == 0 ? opportunities.create(input, owner)
                    : opportunities.importAt(input, owner, c.stage(), Instant.now().minus(Duration.ofDays(c.daysInStage())));
            ScoreElement[] elements = ScoreElement.values();
            for (int i = 0; i < elements.length; i++) {
                if (c.levels()[i] > 0) {
                    scorecards.importLevel(deal.id(), elements[i], c.levels()[i], "演示数据：从原 CRM 迁入的评估", c.owner());
                }
            }
            firstDealAt.putIfAbsent(c.stage(), deal.id());
            // the contacts already made, with whom the rep met
            Map<String, Long> contactIds = new java.util.HashMap<>();
            followUps.contactsOf(deal.id(), owner).forEach(p -> contactIds.put(p.name(), p.id()));
            for (Past past : PAST_FOLLOW_UPS.getOrDefault(c.customer(), List.of())) {
                java.time.LocalDate on = java.time.LocalDate.now(com.summit.base.i18n.Locales.ZONE).minusDays(past.daysAgo());
                followUps.record(deal.id(), past.channel(), past.subject(), on.atTime(10, 0), new com.summit.followup.service.FollowUpService.Outcome(
                        past.met().stream().map(contactIds::get).collect(java.util.stream.Collectors.toSet()), past.learnt(), past.nextStep(),
                        past.nextStep() == null ? null : on.plusDays(5), null), owner);
            }
            Plan plan = FOLLOW_UPS.get(c.customer());
            if (plan != null) {
                // the next contact with the customer, as the board card shows it
                followUps.plan(deal.id(), plan.kind(), plan.subject(),
                        java.time.LocalDate.now(com.summit.base.i18n.Locales.ZONE).plusDays(plan.inDays()).atTime(10, 0), owner);
            }
            // where each deal stands against its stage's gate, as the page and the board show it
            gates.evaluate(deal.id(), c.stage(), Map.of());
            for (int i = 0; i < VetoHolder.DEFAULT_DEPARTMENTS.size(); i++) {
                if (c.vetoes()[i] != VetoHolder.Status.UNKNOWN) {
                    scorecards.recordVetoHolder(deal.id(), VetoHolder.DEFAULT_DEPARTMENTS.get(i), c.vetoes()[i], null, c.owner());
                }
            }
        }
        approvals.start(firstDealAt.get(Stage.PROPOSAL_NEGOTIATION), firstDealAt.get(Stage.CONTRACT_SIGNING));
        long deals = System.nanoTime();
        Map<CustomerTier, Integer> tiers = generated.join();
        // purchase frequency, trend and services used, from the revenue just recorded
        behaviour.recomputeAll();
        log.info("Created demo data: {} customers with a deal each, across the five stages, and {} generated customers with 24 months of "
                + "revenue, tiered by the rules {}, in {} ms (of which {} ms waiting for the generated ones after the showcase deals)", CASES.size(),
                generatedCount, tiers, (System.nanoTime() - started) / 1_000_000, (System.nanoTime() - deals) / 1_000_000);
    }

    /**
     * The generated customers (issue #6), after the showcase ones so that those keep the first ids: inserted in a few
     * statements, each with a business contact and 24 months of revenue, then tiered by the DMN as the monthly
     * re-tiering would tier them (so that it finds nothing to change). Runs beside the creation of the showcase deals.
     */
    private Map<CustomerTier, Integer> generated(List<DemoCustomers.Customer> generated) {
        long started = System.nanoTime();
        List<Long> ids = customers.importAll(generated.stream().map(g -> new com.summit.customer.domain.CustomerRepository.Imported(g.name(),
                g.creditCode(), g.industry(), g.region(), g.address(), g.owner(), g.since())).toList());
        List<com.summit.customer.domain.TieringRepository.Revenue> revenue = new java.util.ArrayList<>();
        List<com.summit.customer.domain.ContactRepository.Imported> people = new java.util.ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            long id = ids.get(i);
            DemoCustomers.Customer g = generated.get(i);
            g.revenue().forEach(m -> revenue.add(new com.summit.customer.domain.TieringRepository.Revenue(id, m.month(), m.service().name(),
                    m.revenue(), m.profit())));
            people.add(new com.summit.customer.domain.ContactRepository.Imported(id, g.contact().name(), g.contact().title(),
                    com.summit.customer.domain.ContactRole.BUSINESS_CONTACT, g.contact().strength(), g.owner()));
        }
        tiering.recordRevenue(revenue);
        contacts.importAll(people);
        long stored = System.nanoTime();
        Map<CustomerTier, Integer> tiers = tiering.classifyImported(ids);
        log.info("Generated demo customers: {} stored with {} months of revenue by service and a contact each ({} ms), tiered by the DMN ({} ms)",
                ids.size(), revenue.size(), (stored - started) / 1_000_000, (System.nanoTime() - stored) / 1_000_000);
        return tiers;
    }

    /**
     * 24 months of revenue and gross profit across the deal's services, at the level of the customer's tier (so that
     * the monthly re-tiering keeps the tier), with some seasonality.
     */
    private void revenue(long customerId, Case c) {
        long monthly = switch (c.tier()) {
            case STRATEGIC -> 3_200_000;
            case IMPORTANT -> 950_000;
            case ORDINARY -> 160_000;
        };
        java.time.LocalDate thisMonth = java.time.LocalDate.now(com.summit.base.i18n.Locales.ZONE).withDayOfMonth(1);
        List<LogisticsService> services = c.services().stream().sorted().toList();
        for (int k = 1; k <= 24; k++) {
            java.time.LocalDate month = thisMonth.minusMonths(k);
            // the peak season (November, December) is a third above the rest
            double season = month.getMonthValue() >= 11 ? 1.33 : 1.0;
            for (LogisticsService service : services) {
                BigDecimal revenue = BigDecimal.valueOf(Math.round(monthly * season / services.size()));
                BigDecimal profit = revenue.multiply(new BigDecimal("0.11")).setScale(2, java.math.RoundingMode.HALF_UP);
                tiering.recordRevenue(customerId, month, service.name(), revenue, profit);
            }
        }
    }

    /** A well-formed unified social credit code (registered enterprise, Anhui/Shanghai/… area code, valid check character). */
    static String creditCode(int n) {
        String body = "913401" + "00" + String.format("MA%07d", 1_000_000 + n).substring(0, 9);
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (char c : alphabet.toCharArray()) {
            if (CreditCode.isValid(body + c)) {
                return body + c;
            }
        }
        throw new IllegalStateException("no check character for " + body);
    }
}
