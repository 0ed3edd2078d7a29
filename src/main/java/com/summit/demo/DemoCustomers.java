package com.summit.demo;

import com.summit.customer.domain.Industry;
import com.summit.customer.service.CreditCode;
import com.summit.customer.domain.LogisticsService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;

/**
 * The demo's generated customers (issue #6): about 500 real-looking Chinese companies with 24 complete months of
 * revenue and gross profit by service, made with Datafaker (zh-CN) from a fixed seed, so that every fresh start
 * shows the same demo.
 * <p>
 * What Datafaker's zh-CN data gives, and what is built here: it has Chinese person names (surname + given name) and
 * Chinese city names, but no company names (its {@code company()} falls back to English, "黄 Group") and poor
 * addresses (streets are a surname with a random suffix such as 侬 or 旁; {@code fullAddress()} mixes in "Apt."). So a
 * name here is city + brand word + industry word + 有限公司 (or 股份有限公司, 集团有限公司 for the largest), and an
 * address is province + city + (development zone) + road + number; the faker draws the choices, numbers and codes from
 * the seeded random source. Each customer's business contact is a faker name (its surnames are the whole 百家姓, rare
 * ones as often as 王: only common ones are kept).
 * <p>
 * The sizes are heavy-tailed (three size classes, lognormal within each: 3 % very large accounts, 20 % key
 * accounts, a long tail), so the customer pyramid looks like a real one: about a fifth of the customers bring about
 * four fifths of the profit. Each customer has one to four services with a gross margin that
 * depends on the service (line haul 5–9 %, warehousing 12–18 %), a seasonality with the November–December peak
 * (and 618 for e-commerce, the Spring Festival dip in February), and a trend over the 24 months: about a quarter
 * growing, half stable, a quarter declining. Some small customers buy only in some months.
 */
final class DemoCustomers {

    /** How many customers are generated. */
    static final int COUNT = 500;
    /** The seed: the same demo on every fresh start. */
    static final long SEED = 20_261_122L;

    enum Trend { GROWING, STABLE, DECLINING }

    /** One month's revenue and gross profit of one service. */
    record Month(LocalDate month, LogisticsService service, BigDecimal revenue, BigDecimal profit) {}

    /** A business contact at the customer (the person the rep talks to). */
    record Person(String name, String title, int strength) {}

    /** A generated customer with its 24 months of revenue (only the months it bought in). */
    record Customer(String name, String creditCode, Industry industry, String region, String address, String owner, Instant since,
            Trend trend, Set<LogisticsService> services, Person contact, List<Month> revenue) {

        /** Revenue and profit over the 12 complete months before {@code thisMonth}. */
        BigDecimal[] last12(LocalDate thisMonth) {
            BigDecimal revenue = BigDecimal.ZERO;
            BigDecimal profit = BigDecimal.ZERO;
            for (Month m : this.revenue) {
                if (!m.month().isBefore(thisMonth.minusMonths(12)) && m.month().isBefore(thisMonth)) {
                    revenue = revenue.add(m.revenue());
                    profit = profit.add(m.profit());
                }
            }
            return new BigDecimal[] {revenue, profit};
        }
    }

    /** A sales rep and how many customers (relative) they carry; a region's customers go to its team. */
    record Rep(String username, boolean south, int weight) {}

    /** The owners of generated customers: the two key-account teams (华东 and 华南), managers with a few accounts of their own. */
    static final List<Rep> REPS = List.of(
            new Rep("zhangwei", false, 6), new Rep("wangqiang", false, 6), new Rep("liuting", false, 5), new Rep("chenhao", false, 5),
            new Rep("lina", false, 1), new Rep("linfeng", true, 6), new Rep("zhouyan", true, 5), new Rep("huangmin", true, 1));

    private record City(String province, String city, String provinceFull, String code, int weight, boolean south, String[] districts) {

        String region() {
            return province.equals(city) ? city : province + city;
        }
    }

    private static final String[] ZONES = {"经济技术开发区", "高新技术产业开发区", "", "", "", ""};

    private static City city(String province, String city, String code, int weight, boolean south) {
        String full = switch (province) {
            case "上海", "北京", "天津", "重庆" -> province + "市";
            default -> province + "省";
        };
        return new City(province, city, full, code, weight, south, ZONES);
    }

    private static City municipality(String name, String code, int weight, String... districts) {
        return new City(name, name, name + "市", code, weight, false, districts);
    }

    /** Where logistics customers are: mostly the Yangtze and Pearl River deltas, some in the other big cities. */
    private static final List<City> CITIES = List.of(
            municipality("上海", "310115", 12, "浦东新区", "闵行区", "嘉定区", "松江区", "青浦区", "宝山区"),
            city("江苏", "苏州", "320500", 9, false), city("江苏", "昆山", "320583", 3, false), city("江苏", "南京", "320100", 5, false),
            city("江苏", "无锡", "320200", 5, false), city("江苏", "常州", "320400", 4, false), city("江苏", "南通", "320600", 3, false),
            city("江苏", "徐州", "320300", 2, false), city("江苏", "扬州", "321000", 1, false),
            city("浙江", "杭州", "330100", 7, false), city("浙江", "宁波", "330200", 5, false), city("浙江", "嘉兴", "330400", 3, false),
            city("浙江", "绍兴", "330600", 2, false), city("浙江", "温州", "330300", 2, false), city("浙江", "义乌", "330782", 2, false),
            city("浙江", "台州", "331000", 1, false), city("安徽", "合肥", "340100", 4, false), city("安徽", "芜湖", "340200", 2, false),
            city("山东", "青岛", "370200", 3, false), city("山东", "济南", "370100", 2, false), city("山东", "烟台", "370600", 1, false),
            municipality("北京", "110105", 3, "朝阳区", "大兴区", "顺义区", "通州区"),
            municipality("天津", "120116", 2, "滨海新区", "西青区", "东丽区"),
            city("湖北", "武汉", "420100", 3, false), city("四川", "成都", "510100", 3, false),
            municipality("重庆", "500112", 2, "渝北区", "江北区", "沙坪坝区"),
            city("河南", "郑州", "410100", 2, false), city("湖南", "长沙", "430100", 2, false), city("陕西", "西安", "610100", 1, false),
            city("广东", "深圳", "440300", 7, true), city("广东", "广州", "440100", 6, true), city("广东", "东莞", "441900", 4, true),
            city("广东", "佛山", "440600", 3, true), city("广东", "珠海", "440400", 1, true), city("广东", "中山", "442000", 1, true),
            city("广东", "惠州", "441300", 1, true), city("福建", "厦门", "350200", 3, true), city("福建", "福州", "350100", 2, true),
            city("福建", "泉州", "350500", 2, true));

    private static final String[] ROADS = {"人民路", "解放路", "中山路", "建设路", "长江路", "黄河路", "新华路", "和平路", "工业大道", "科技路",
            "创业路", "兴业路", "金桥路", "滨江大道", "世纪大道", "振兴路", "物流大道", "港城路", "发展大道", "迎宾大道", "环城东路", "环城西路",
            "环城南路", "环城北路", "青年路", "开发大道", "汇通路", "富民路", "华山路", "泰山路"};

    /** Two of these make a brand word (恒达, 瑞丰, 鑫源 …). */
    private static final String BRAND_CHARS = "鑫恒瑞华通达泰盛隆源丰远宏嘉联安捷顺德信汇博金天万永中兴昌荣富海宇星辰耀晟鼎峰润祥和美佳亿腾飞越航睿弘广凯森景元正运";
    /** Brand words taken by well-known companies, and words that would read as one of the showcase customers. */
    private static final Set<String> TAKEN_BRANDS = Set.of("顺丰", "中通", "德邦", "华润", "中信", "中兴", "海信", "华联", "金龙", "万达", "永辉",
            "天虹", "宇通", "海通", "国泰", "泰康", "安信", "中泰", "信达", "华泰", "兴业", "中华", "华为", "万科", "美的", "安永", "天安", "永安", "中远", "中海");

    private static final Map<Industry, String[]> INDUSTRY_WORDS = new EnumMap<>(Map.ofEntries(
            Map.entry(Industry.ELECTRONICS_3C, new String[] {"电子", "智能科技", "光电", "通讯设备", "精密电子", "电子科技"}),
            Map.entry(Industry.HOME_APPLIANCES, new String[] {"电器", "家电", "厨具电器", "小家电"}),
            Map.entry(Industry.AUTOMOTIVE, new String[] {"汽车零部件", "汽配", "汽车部件", "新能源汽车科技", "车桥"}),
            Map.entry(Industry.FMCG, new String[] {"食品", "日化", "饮料", "日用品", "酒业", "调味品"}),
            Map.entry(Industry.ECOMMERCE, new String[] {"电子商务", "网络科技", "供应链管理", "跨境电商"}),
            Map.entry(Industry.PHARMA, new String[] {"医药", "生物医药", "医疗器械", "药业"}),
            Map.entry(Industry.COLD_CHAIN_FOOD, new String[] {"冷链食品", "生鲜", "乳业", "肉类食品", "水产"}),
            Map.entry(Industry.RETAIL, new String[] {"商贸", "连锁超市", "百货", "商业连锁"}),
            Map.entry(Industry.CHEMICALS, new String[] {"化工", "新材料", "精细化工", "塑胶"}),
            Map.entry(Industry.MACHINERY, new String[] {"机械", "重工", "装备制造", "精工机械", "机电"}),
            Map.entry(Industry.OTHER, new String[] {"纺织", "服饰", "家居", "建材", "包装", "纸业"})));

    private static final Map<Industry, Integer> INDUSTRY_WEIGHTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Industry.FMCG, 14), Map.entry(Industry.ECOMMERCE, 12), Map.entry(Industry.ELECTRONICS_3C, 11),
            Map.entry(Industry.AUTOMOTIVE, 11), Map.entry(Industry.RETAIL, 10), Map.entry(Industry.HOME_APPLIANCES, 8),
            Map.entry(Industry.COLD_CHAIN_FOOD, 8), Map.entry(Industry.PHARMA, 7), Map.entry(Industry.MACHINERY, 8),
            Map.entry(Industry.CHEMICALS, 6), Map.entry(Industry.OTHER, 5)));

    /** How likely each service is in an industry (warehousing, line haul, distribution, contract logistics, cold chain). */
    private static final Map<Industry, double[]> AFFINITY = new EnumMap<>(Map.ofEntries(
            Map.entry(Industry.ELECTRONICS_3C, new double[] {3, 3, 2, 2, 0}),
            Map.entry(Industry.HOME_APPLIANCES, new double[] {3, 3, 3, 1, 0}),
            Map.entry(Industry.AUTOMOTIVE, new double[] {2, 4, 1, 4, 0}),
            Map.entry(Industry.FMCG, new double[] {3, 3, 3, 1, 0.5}),
            Map.entry(Industry.ECOMMERCE, new double[] {4, 2, 4, 1, 0.5}),
            Map.entry(Industry.PHARMA, new double[] {3, 1, 2, 1, 3}),
            Map.entry(Industry.COLD_CHAIN_FOOD, new double[] {1, 1, 2, 0.5, 5}),
            Map.entry(Industry.RETAIL, new double[] {3, 2, 4, 1, 1}),
            Map.entry(Industry.CHEMICALS, new double[] {2, 4, 1, 2, 0}),
            Map.entry(Industry.MACHINERY, new double[] {2, 4, 1, 3, 0}),
            Map.entry(Industry.OTHER, new double[] {3, 3, 2, 1, 0})));

    /** Gross margin range (%) by service: line haul is thin, warehousing and cold chain are richer. */
    private static final Map<LogisticsService, double[]> MARGINS = new EnumMap<>(Map.of(
            LogisticsService.WAREHOUSING, new double[] {12, 18}, LogisticsService.LINE_HAUL, new double[] {5, 9},
            LogisticsService.DISTRIBUTION, new double[] {8, 13}, LogisticsService.CONTRACT_LOGISTICS, new double[] {11, 16},
            LogisticsService.COLD_CHAIN, new double[] {13, 18}));

    /** The month's volume against an average month: the Spring Festival dip, 618, the November–December peak. */
    private static final double[] SEASON = {1.0, 0.72, 0.95, 0.97, 1.0, 1.08, 0.95, 0.96, 1.02, 1.05, 1.32, 1.28};
    private static final double[] SEASON_ECOMMERCE = {0.95, 0.65, 0.85, 0.9, 1.0, 1.35, 0.9, 0.9, 0.95, 1.05, 1.6, 1.3};

    private static final String[] TITLES = {"物流经理", "供应链经理", "采购经理", "储运部经理", "物流总监", "供应链总监"};

    /**
     * The size classes (trailing-12-month revenue, lognormal within a class): a few very large accounts, about a fifth
     * key accounts, and a long tail of smaller customers.
     */
    private static final double LARGE_SHARE = 0.03;
    private static final double LARGE_MEDIAN = 36_000_000;
    private static final double LARGE_SIGMA = 0.4;
    private static final double KEY_SHARE = 0.2;
    private static final double KEY_MEDIAN = 11_000_000;
    private static final double KEY_SIGMA = 0.45;
    private static final double TAIL_MEDIAN = 650_000;
    private static final double TAIL_SIGMA = 0.95;

    private DemoCustomers() {}

    /**
     * The generated customers, the same for the same seed and month: names not in {@code takenNames} (compared as the
     * database does, trimmed and in lower case), credit codes valid and not in {@code takenCodes}, 24 complete months
     * of revenue before {@code thisMonth}.
     */
    static List<Customer> generate(long seed, int count, LocalDate thisMonth, Instant now, Collection<String> takenNames,
            Collection<String> takenCodes) {
        Random random = new Random(seed);
        Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, random);
        Set<String> names = new HashSet<>();
        takenNames.forEach(n -> names.add(n.strip().toLowerCase(Locale.ROOT)));
        Set<String> codes = new HashSet<>(takenCodes);
        List<Customer> customers = new ArrayList<>(count);
        // exactly so many of each size class, in a random order
        List<Integer> classes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            classes.add(i < Math.round(count * LARGE_SHARE) ? 0 : i < Math.round(count * (LARGE_SHARE + KEY_SHARE)) ? 1 : 2);
        }
        java.util.Collections.shuffle(classes, random);
        for (int i = 0; i < count; i++) {
            Industry industry = weighted(random, INDUSTRY_WEIGHTS);
            City city = pick(random, CITIES, City::weight);
            // the trailing-12-month revenue the customer is at: a key account or one of the long tail, each lognormal
            double annual = Math.clamp(classes.get(i) == 0 ? LARGE_MEDIAN * Math.exp(LARGE_SIGMA * random.nextGaussian())
                    : classes.get(i) == 1 ? KEY_MEDIAN * Math.exp(KEY_SIGMA * random.nextGaussian())
                    : TAIL_MEDIAN * Math.exp(TAIL_SIGMA * random.nextGaussian()), 60_000, 160_000_000);
            String name;
            do {
                name = name(faker, random, city, industry, annual);
            } while (!names.add(name.toLowerCase(Locale.ROOT)));
            String code;
            do {
                code = creditCode(faker, city);
            } while (!codes.add(code));
            String address = city.provinceFull() + (city.province().equals(city.city()) ? "" : city.city() + "市")
                    + faker.options().option(city.districts()) + faker.options().option(ROADS) + faker.number().numberBetween(1, 999) + "号";
            List<Rep> team = REPS.stream().filter(r -> r.south() == city.south()).toList();
            String owner = pick(random, team, Rep::weight).username();
            Instant since = now.minus(Duration.ofDays(faker.number().numberBetween(25 * 31, 8 * 365)));
            double t = random.nextDouble();
            Trend trend = t < 0.25 ? Trend.GROWING : t < 0.75 ? Trend.STABLE : Trend.DECLINING;
            double growth = switch (trend) {
                case GROWING -> 0.15 + 0.45 * random.nextDouble();
                case STABLE -> -0.05 + 0.13 * random.nextDouble();
                case DECLINING -> -0.12 - 0.33 * random.nextDouble();
            };
            Set<LogisticsService> services = services(random, industry, annual);
            Map<LogisticsService, double[]> split = new EnumMap<>(LogisticsService.class);
            double total = 0;
            for (LogisticsService s : services) {
                double share = Math.exp(0.6 * random.nextGaussian());
                double[] range = MARGINS.get(s);
                split.put(s, new double[] {share, range[0] + (range[1] - range[0]) * random.nextDouble()});
                total += share;
            }
            // a small customer that buys in some months only (projects, peaks), more in the months it buys
            boolean sporadic = annual < 1_500_000 && random.nextDouble() < 0.35;
            double activeShare = sporadic ? 0.3 + 0.45 * random.nextDouble() : 1.0;
            List<Month> revenue = new ArrayList<>();
            for (int k = 24; k >= 1; k--) {
                LocalDate month = thisMonth.minusMonths(k);
                if (sporadic && random.nextDouble() > activeShare) {
                    continue;
                }
                double season = (industry == Industry.ECOMMERCE ? SEASON_ECOMMERCE : SEASON)[month.getMonthValue() - 1];
                // k = 6.5 is the middle of the last 12 months: that year's level is about "annual"
                double level = annual / 12 * Math.pow(1 + growth, (6.5 - k) / 12) * season / activeShare;
                for (LogisticsService s : services) {
                    double[] sm = split.get(s);
                    double amount = level * sm[0] / total * Math.exp(0.08 * random.nextGaussian());
                    double margin = (sm[1] + 0.6 * random.nextGaussian()) / 100;
                    BigDecimal r = BigDecimal.valueOf(Math.round(amount));
                    revenue.add(new Month(month, s, r, r.multiply(BigDecimal.valueOf(margin)).setScale(2, RoundingMode.HALF_UP)));
                }
            }
            Person contact = new Person(surname(faker) + faker.name().firstName(), faker.options().option(TITLES), faker.number().numberBetween(2, 5));
            customers.add(new Customer(name, code, industry, city.region(), address, owner, since, trend, services, contact, List.copyOf(revenue)));
        }
        return customers;
    }

    /** The faker's surnames are the whole 百家姓, rare ones as often as 王 or 李: keep to the common ones. */
    private static final String COMMON_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";

    private static String surname(Faker faker) {
        String surname;
        do {
            surname = faker.name().lastName();
        } while (surname.length() != 1 || COMMON_SURNAMES.indexOf(surname) < 0);
        return surname;
    }

    private static String name(Faker faker, Random random, City city, Industry industry, double annual) {
        String brand;
        do {
            brand = "" + BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length())) + BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length()));
        } while (brand.charAt(0) == brand.charAt(1) || TAKEN_BRANDS.contains(brand));
        String word = faker.options().option(INDUSTRY_WORDS.get(industry));
        double form = random.nextDouble();
        String suffix = annual >= 25_000_000 && form < 0.5 ? "集团有限公司" : form < 0.15 ? "股份有限公司" : "有限公司";
        return city.city() + brand + word + suffix;
    }

    /**
     * A unified social credit code 统一社会信用代码: 9 (registered by market regulation) 1 (enterprise), the city's
     * administrative division code, a 9-character organisation code (GB 11714, with its check character), and the check
     * character of the whole (GB 32100).
     */
    static String creditCode(Faker faker, City city) {
        String org = "MA" + faker.regexify("[0-9A-HJ-NP-RTUW-Y]{6}");
        return withCheck("91" + city.code() + org + orgCheck(org));
    }

    private static char orgCheck(String org8) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = org8.charAt(i);
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private static String withCheck(String body17) {
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (CreditCode.isValid(body17 + c)) {
                return body17 + c;
            }
        }
        throw new IllegalStateException("no check character for " + body17);
    }

    private static Set<LogisticsService> services(Random random, Industry industry, double annual) {
        double[] p = annual < 1_000_000 ? new double[] {0.55, 0.35, 0.1, 0} : annual < 10_000_000 ? new double[] {0.25, 0.45, 0.2, 0.1}
                : new double[] {0.1, 0.35, 0.35, 0.2};
        double u = random.nextDouble();
        int n = u < p[0] ? 1 : u < p[0] + p[1] ? 2 : u < p[0] + p[1] + p[2] ? 3 : 4;
        double[] affinity = AFFINITY.get(industry).clone();
        Set<LogisticsService> chosen = java.util.EnumSet.noneOf(LogisticsService.class);
        LogisticsService[] all = LogisticsService.values();
        while (chosen.size() < n) {
            double sum = 0;
            for (double a : affinity) {
                sum += a;
            }
            if (sum == 0) {
                break;
            }
            double x = random.nextDouble() * sum;
            for (int s = 0; s < all.length; s++) {
                x -= affinity[s];
                if (x < 0) {
                    chosen.add(all[s]);
                    affinity[s] = 0;
                    break;
                }
            }
        }
        return chosen;
    }

    private static <K> K weighted(Random random, Map<K, Integer> weights) {
        return pick(random, List.copyOf(weights.keySet()), weights::get);
    }

    private static <T> T pick(Random random, List<T> items, java.util.function.ToIntFunction<T> weight) {
        int total = items.stream().mapToInt(weight).sum();
        int x = random.nextInt(total);
        for (T item : items) {
            x -= weight.applyAsInt(item);
            if (x < 0) {
                return item;
            }
        }
        throw new IllegalStateException();
    }
}
