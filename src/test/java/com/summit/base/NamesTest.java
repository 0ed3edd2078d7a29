package com.summit.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names that look the same are the same name; a name of invisible characters is no name. */
class NamesTest {

    @Test
    void fullWidthLettersAndDigitsBecomeOrdinaryOnes() {
        assertThat(Names.clean("ＡＢＣ物流１号仓")).isEqualTo("ABC物流1号仓");
    }

    @Test
    void zeroWidthBidiAndControlCharactersAreDropped() {
        assertThat(Names.clean("华东\u200B物流\u200D")).isEqualTo("华东物流");
        assertThat(Names.clean("\u202E华东物流\u202C")).isEqualTo("华东物流");
        assertThat(Names.clean("华东\u0007物流\uFEFF")).isEqualTo("华东物流");
    }

    @Test
    void runsOfWhiteSpaceBecomeOneSpaceAndNoneAtTheEnds() {
        assertThat(Names.clean("\u3000 Global\t\u00A0Freight  Co. ")).isEqualTo("Global Freight Co.");
    }

    @Test
    void aNameOfInvisibleCharactersIsEmpty() {
        assertThat(Names.clean("\u200B\u202E\u2060 \u3000")).isEmpty();
        assertThat(Names.cleanOrNull("\u200B")).isNull();
        assertThat(Names.clean(null)).isEmpty();
    }
}
