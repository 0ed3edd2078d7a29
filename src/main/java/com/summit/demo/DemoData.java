package com.summit.demo;

import com.summit.customer.domain.Customer;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CreditCode;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.engine.ProcessesDeployed;
import com.summit.opportunity.domain.LogisticsService;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.service.DemoUsers;
import com.summit.security.service.UserService;
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

    record Case(String customer, Industry industry, String region, String owner, String opportunity, String description,
            long amount, Set<LogisticsService> services, CustomerTier tier) {}

    static final List<Case> CASES = List.of(
            new Case("华东家电集团有限公司", Industry.HOME_APPLIANCES, "安徽合肥", "zhangwei", "全国七仓仓配一体化",
                    "家电行业头部客户，提出“全国建七个仓”，需要上万平米仓库运营和干线、城配一体化；决策链长。",
                    36_000_000, Set.of(LogisticsService.WAREHOUSING, LogisticsService.LINE_HAUL, LogisticsService.DISTRIBUTION), CustomerTier.STRATEGIC),
            new Case("江淮汽车零部件有限公司", Industry.AUTOMOTIVE, "安徽合肥", "zhangwei", "进口件集装箱准时到厂",
                    "主机厂要的是集装箱“准时”到达而不是“更快”到达：按生产节拍送达，减少线边库存。",
                    12_500_000, Set.of(LogisticsService.LINE_HAUL, LogisticsService.CONTRACT_LOGISTICS), CustomerTier.IMPORTANT),
            new Case("鲜达冷链食品股份有限公司", Industry.COLD_CHAIN_FOOD, "上海", "zhangwei", "长三角冷链城配",
                    "生鲜门店每日两配，现有承运商温控不稳定导致客诉和损耗。",
                    8_800_000, Set.of(LogisticsService.COLD_CHAIN, LogisticsService.DISTRIBUTION), CustomerTier.IMPORTANT),
            new Case("云购电子商务有限公司", Industry.ECOMMERCE, "浙江杭州", "zhangwei", "大促峰值前置仓",
                    "双十一、六一八峰值订单是平日的八倍，需要弹性仓容和快速履约。",
                    5_600_000, Set.of(LogisticsService.WAREHOUSING, LogisticsService.DISTRIBUTION), CustomerTier.ORDINARY),
            new Case("康宁医药流通有限公司", Industry.PHARMA, "广东广州", "lina", "GSP 医药仓储外包",
                    "需要符合 GSP 的阴凉库和冷库，以及全程温湿度追溯。",
                    9_200_000, Set.of(LogisticsService.WAREHOUSING, LogisticsService.COLD_CHAIN), CustomerTier.IMPORTANT),
            new Case("启明智能终端有限公司", Industry.ELECTRONICS_3C, "广东深圳", "zhangwei", "新品首发全国分拨",
                    "新机上市首周全国门店同步到货，要求高价值货品全程可视与安全。",
                    15_000_000, Set.of(LogisticsService.LINE_HAUL, LogisticsService.DISTRIBUTION), CustomerTier.STRATEGIC));

    private final DemoUsers demoUsers;
    private final UserService users;
    private final CustomerService customers;
    private final OpportunityService opportunities;

    DemoData(DemoUsers demoUsers, UserService users, CustomerService customers, OpportunityService opportunities) {
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
        int n = 0;
        for (Case c : CASES) {
            var owner = users.find(c.owner()).orElseThrow();
            Customer customer = customers.create(new NewCustomer(c.customer(), creditCode(++n), c.industry(), c.region()), owner);
            customers.assignTier(customer.id(), c.tier());
            opportunities.create(new NewOpportunity(customer.id(), c.opportunity(), c.description(), BigDecimal.valueOf(c.amount()),
                    c.services()), owner);
        }
        log.info("Created demo data: {} customers with an opportunity each", CASES.size());
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
