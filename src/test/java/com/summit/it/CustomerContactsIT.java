package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.ContactRole;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.ContactService;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewContact;
import com.summit.customer.service.NewCustomer;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Contacts and the buying-influence map: every bad input refused in Chinese with nothing stored; uncovered roles named. */
class CustomerContactsIT extends LocalAppIT {

    @Autowired ContactService contacts;
    @Autowired CustomerService customers;
    @Autowired UserService users;
    @Autowired Messages messages;

    @Test
    void theMapNamesTheRolesNobodyCoversAndFillsAsContactsAreAdded() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        var customer = customers.create(new NewCustomer("合肥家电" + UUID.randomUUID().toString().substring(0, 6), null, Industry.HOME_APPLIANCES,
                "安徽合肥"), rep);
        var map = contacts.influenceMap(customer.id(), rep);
        assertThat(contacts.uncovered(map)).containsExactly(ContactRole.DECISION_MAKER, ContactRole.BUSINESS_CONTACT, ContactRole.LEAD,
                ContactRole.VETO_LEGAL, ContactRole.VETO_FINANCE, ContactRole.VETO_TECH);

        contacts.add(customer.id(), new NewContact("王总", "供应链副总裁", ContactRole.DECISION_MAKER, 2, "重视数据，不喜欢长会", null), rep);
        contacts.add(customer.id(), new NewContact("李经理", "物流经理", ContactRole.BUSINESS_CONTACT, 4, null, null), rep);
        map = contacts.influenceMap(customer.id(), rep);
        assertThat(map.get(ContactRole.DECISION_MAKER)).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("王总");
            assertThat(c.strength()).isEqualTo(2);
            assertThat(c.preferences()).isEqualTo("重视数据，不喜欢长会");
        });
        assertThat(contacts.uncovered(map)).containsExactly(ContactRole.LEAD, ContactRole.VETO_LEGAL, ContactRole.VETO_FINANCE,
                ContactRole.VETO_TECH);
    }

    @Test
    void theCustomerListFiltersInTheDatabaseAndShowsARepOnlyTheirOwn() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser manager = users.find("lina").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var a = customers.create(new NewCustomer("筛选测试甲" + marker, null, Industry.PHARMA, "江苏南京"), rep);
        customers.create(new NewCustomer("筛选测试乙" + marker, null, Industry.PHARMA, "浙江杭州"), rep);
        customers.assignTier(a.id(), com.summit.customer.domain.CustomerTier.STRATEGIC);
        var byName = new CustomerService.Filter(null, null, null, null, marker);
        assertThat(customers.count(rep, byName)).isEqualTo(2);
        assertThat(customers.page(rep, new CustomerService.Filter(com.summit.customer.domain.CustomerTier.STRATEGIC, Industry.PHARMA, "南京", null,
                marker), 0, 50)).extracting(c -> c.name()).containsExactly("筛选测试甲" + marker);
        assertThat(customers.page(rep, byName, 1, 50)).hasSize(1);
        // a wildcard typed by a user is a character, not a pattern
        assertThat(customers.count(rep, new CustomerService.Filter(null, null, "%", null, marker))).isZero();
        // a manager sees everyone's; legal sees none of a rep's
        assertThat(customers.count(manager, new CustomerService.Filter(null, null, null, "zhangwei", marker))).isEqualTo(2);
        assertThat(customers.count(users.find("wangfang").orElseThrow(), byName)).isZero();
    }

    @Test
    void aBadContactIsRefusedWithEveryReasonAndNothingIsStored() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        var customer = customers.create(new NewCustomer("芜湖汽配" + UUID.randomUUID().toString().substring(0, 6), null, Industry.AUTOMOTIVE,
                "安徽芜湖"), rep);
        assertThatThrownBy(() -> contacts.add(customer.id(), new NewContact(" ", "长".repeat(61), null, 0, null, null), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f ->
                        messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments()))
                        .containsExactly("请填写联系人姓名", "最多 60 个字", "请选择联系人在采购决策中的角色", "关系强度是 1 到 5 的整数"));
        assertThat(contacts.influenceMap(customer.id(), rep).values()).allMatch(java.util.List::isEmpty);

        // someone who may not see the customer can neither read nor add
        SummitUser legal = users.find("wangfang").orElseThrow();
        assertThatThrownBy(() -> contacts.add(customer.id(), new NewContact("张三", null, ContactRole.USER, 3, null, null), legal))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN))
                        .isEqualTo("找不到这个客户，或你无权查看"));
        assertThatThrownBy(() -> contacts.influenceMap(customer.id(), legal)).isInstanceOf(UserFacingException.class);
    }
}
