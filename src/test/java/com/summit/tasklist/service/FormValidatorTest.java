package com.summit.tasklist.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.base.FieldError;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server checks a submitted form against its schema and answers in the user's language. */
class FormValidatorTest {

    private final Messages messages = new Messages();
    private final ObjectMapper json = new ObjectMapper();
    private FormValidator validator;
    private String identification;

    @BeforeEach
    void setUp() throws Exception {
        validator = new FormValidator(json, new FormLocalizer(messages, json));
        identification = Files.readString(Path.of("forms/opportunity-identification.form"));
    }

    @Test
    void aCompleteFormPassesWithTypedValues() {
        var result = validate("""
                {"leadSource":"REFERRAL","statedNeed":"客户需要在华东新建三个仓并负责配送",
                 "servicesNeeded":["WAREHOUSING","DISTRIBUTION"],"estimatedAnnualValue":1200,
                 "expectedCloseDate":"2027-03-31","decisionMakerKnown":true,"nextStep":"约见物流总监"}""", Locales.ZH_CN);
        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).containsEntry("estimatedAnnualValue", 1200L).containsEntry("decisionMakerKnown", true)
                .containsEntry("servicesNeeded", List.of("WAREHOUSING", "DISTRIBUTION"));
    }

    @Test
    void aDynamicSelectTakesOnlyTheOptionsOffered() throws Exception {
        String start = Files.readString(Path.of("forms/opportunity-start.form"));
        var offered = java.util.Map.<String, Object>of("customers", List.of(java.util.Map.of("label", "华东家电", "value", "7")));
        String values = "{\"customer\":\"%s\",\"name\":\"七仓\",\"amount\":100}";
        assertThat(validator.validate(start, values.formatted("7"), offered, Locales.ZH_CN).errors()).isEmpty();
        assertThat(texts(validator.validate(start, values.formatted("8"), offered, Locales.ZH_CN).errors(), Locales.ZH_CN))
                .containsExactly("“客户”的选项无效");
        // nothing offered: nothing can be chosen
        assertThat(texts(validator.validate(start, values.formatted("7"), java.util.Map.of(), Locales.ZH_CN).errors(), Locales.ZH_CN))
                .containsExactly("“客户”的选项无效");
    }

    @Test
    void missingRequiredValuesAreNamedInChinese() {
        var result = validate("{\"statedNeed\":\"\"}", Locales.ZH_CN);
        assertThat(texts(result.errors(), Locales.ZH_CN)).contains(
                "“线索来源”为必填项", "“客户提出的需求”为必填项", "“涉及的物流服务”为必填项", "“预计年合同额（万元）”为必填项");
    }

    @Test
    void missingRequiredValuesAreNamedInEnglish() {
        var result = validate("{}", Locales.EN);
        assertThat(texts(result.errors(), Locales.EN)).contains("“Lead source” is required", "“Need as the customer stated it” is required");
    }

    @Test
    void aWrongTypeIsRefused() {
        var result = validate("""
                {"leadSource":"REFERRAL","statedNeed":"客户需要在华东新建三个仓并负责配送","servicesNeeded":["WAREHOUSING"],
                 "estimatedAnnualValue":"很多","decisionMakerKnown":"yes","expectedCloseDate":"明年"}""", Locales.ZH_CN);
        assertThat(texts(result.errors(), Locales.ZH_CN)).containsExactlyInAnyOrder(
                "“预计年合同额（万元）”应为数字", "“已知客户决策人”应为是或否", "“预计签约日期”不是有效的日期");
    }

    @Test
    void aDateOutsideTheCenturiesABusinessUsesIsRefusedInBothLanguages() {
        String values = """
                {"leadSource":"REFERRAL","statedNeed":"客户需要在华东新建三个仓并负责配送","servicesNeeded":["WAREHOUSING"],
                 "estimatedAnnualValue":100,"expectedCloseDate":"%s"}""";
        assertThat(texts(validate(values.formatted("20255-03-31"), Locales.ZH_CN).errors(), Locales.ZH_CN))
                .containsExactly("“预计签约日期”不是有效的日期");
        assertThat(texts(validate(values.formatted("0202-03-31"), Locales.ZH_CN).errors(), Locales.ZH_CN))
                .containsExactly("“预计签约日期”应在 1900-01-01 到 2100-12-31 之间");
        assertThat(texts(validate(values.formatted("2202-03-31"), Locales.EN).errors(), Locales.EN))
                .containsExactly("“Expected signing date” must be between 1900-01-01 and 2100-12-31");
        assertThat(validate(values.formatted("2100-12-31"), Locales.ZH_CN).errors()).isEmpty();
    }

    @Test
    void valuesOutsideTheirLimitsAreRefused() {
        var result = validate("""
                {"leadSource":"SPAM","statedNeed":"太短","servicesNeeded":["TELEPORT"],"estimatedAnnualValue":-5}""", Locales.ZH_CN);
        assertThat(texts(result.errors(), Locales.ZH_CN)).containsExactlyInAnyOrder(
                "“线索来源”的选项无效", "“客户提出的需求”至少需要 10 个字", "“涉及的物流服务”的选项无效", "“预计年合同额（万元）”不能小于 0");
    }

    @Test
    void aPatternIsEnforced() throws Exception {
        String signing = Files.readString(Path.of("forms/opportunity-contract-signing.form"));
        var result = validator.validate(signing, """
                {"contractNumber":"合同一号","signedDate":"2027-01-15","contractAnnualValue":800}""", Map.of(), Locales.ZH_CN);
        assertThat(texts(result.errors(), Locales.ZH_CN)).containsExactly("“合同编号”的格式不正确");
    }

    @Test
    void readOnlyFieldsAndUnknownKeysAreDropped() {
        var result = validate("""
                {"leadSource":"REFERRAL","statedNeed":"客户需要在华东新建三个仓并负责配送","servicesNeeded":["WAREHOUSING"],
                 "estimatedAnnualValue":10,"customerName":"篡改的客户","owner":"attacker","stage":"CONTRACT_SIGNING"}""", Locales.ZH_CN);
        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).doesNotContainKeys("customerName", "owner", "stage");
    }

    @Test
    void unreadableInputIsRefusedWithAMessage() {
        var result = validate("{not json", Locales.ZH_CN);
        assertThat(texts(result.errors(), Locales.ZH_CN)).containsExactly("提交的数据无法读取，请重试。");
    }

    private FormValidator.Result validate(String submitted, java.util.Locale locale) {
        return validator.validate(identification, submitted, Map.of(), locale);
    }

    private List<String> texts(List<FieldError> errors, java.util.Locale locale) {
        return errors.stream().map(e -> messages.getTranslation(e.messageKey(), locale, e.arguments())).toList();
    }
}
