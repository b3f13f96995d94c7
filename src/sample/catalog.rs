//! The fixed tables of the sample shop: categories, brands, colours, sizes, regions and
//! channels, copied from `gen_orders.py` so the sample looks like the benchmark data.

/// One product category.
pub(super) struct Category {
    /// English name, written to the `category` column.
    pub(super) en: &'static str,
    /// Median price in CNY; a product's price is log-normal around it.
    pub(super) median_price: f64,
    /// Product nouns as (Chinese, English), used to build product names.
    pub(super) nouns: &'static [(&'static str, &'static str)],
    /// Relative chance that a bought item comes back (apparel and shoes most).
    pub(super) return_propensity: f64,
    /// Relative purchase demand: high-demand categories tend to get the top popularity ranks.
    pub(super) demand: f64,
    /// Complementary categories, by index: their products land in the same baskets.
    /// The first is the closest (drawn 60 % of the time), the last the second choice.
    pub(super) affinity: &'static [usize],
}

/// Index of "Computers", whose laptops get screen sizes with an inch sign (`"`) in English
/// names, so the CSV needs real quoting.
pub(super) const COMPUTERS: usize = 2;

/// Apparel categories (women's, men's, shoes): their names carry a size.
pub(super) fn is_apparel(category: usize) -> bool {
    matches!(category, 9..=11)
}

macro_rules! category {
    ($en:expr, $zh:expr, $price:expr, [$(($nz:expr, $ne:expr)),* $(,)?], $ret:expr, $demand:expr, [$($aff:expr),*]) => {
        Category {
            en: $en,
            median_price: $price as f64,
            nouns: &[$(($nz, $ne)),*],
            return_propensity: $ret,
            demand: $demand,
            affinity: &[$($aff),*],
        }
    };
}

/// The 30 categories (the Chinese name is kept in the table for the reader; nouns carry
/// the Chinese used in names).
#[rustfmt::skip]
pub(super) const CATEGORIES: [Category; 30] = [
    category!("Mobile Phones", "手机", 2600, [("智能手机", "Smartphone"), ("折叠屏手机", "Foldable Phone"), ("老人手机", "Senior Phone")], 1.0, 0.6, [1, 3]),
    category!("Phone Accessories", "手机配件", 59, [("手机壳", "Phone Case"), ("充电器", "Charger"), ("数据线", "USB-C Cable"), ("钢化膜", "Screen Protector"), ("充电宝", "Power Bank")], 0.8, 1.5, [0, 3]),
    category!("Computers", "电脑办公", 4800, [("笔记本电脑", "Laptop"), ("显示器", "Monitor"), ("机械键盘", "Mechanical Keyboard"), ("无线鼠标", "Wireless Mouse")], 1.0, 0.3, [29, 25, 3]),
    category!("Audio", "影音娱乐", 320, [("蓝牙耳机", "Wireless Earbuds"), ("头戴耳机", "Headphones"), ("音箱", "Speaker"), ("麦克风", "Microphone")], 1.2, 0.8, [0, 1]),
    category!("Smart Home", "智能家居", 199, [("智能插座", "Smart Plug"), ("摄像头", "Security Camera"), ("智能门锁", "Smart Lock"), ("台灯", "Desk Lamp")], 0.8, 0.6, [5, 2]),
    category!("Home Appliances", "家用电器", 799, [("空气炸锅", "Air Fryer"), ("扫地机器人", "Robot Vacuum"), ("电饭煲", "Rice Cooker"), ("吹风机", "Hair Dryer"), ("净水器", "Water Purifier")], 0.9, 0.6, [6, 4]),
    category!("Kitchenware", "厨具", 119, [("不粘锅", "Non-stick Pan"), ("刀具套装", "Knife Set"), ("保温杯", "Vacuum Flask"), ("餐具套装", "Tableware Set")], 0.7, 0.8, [21, 5]),
    category!("Furniture", "家具", 899, [("办公椅", "Office Chair"), ("书架", "Bookshelf"), ("沙发", "Sofa"), ("床头柜", "Nightstand")], 0.8, 0.3, [8, 4]),
    category!("Home Textiles", "家纺", 159, [("四件套", "Bedding Set"), ("枕头", "Pillow"), ("毛巾", "Towel"), ("蚕丝被", "Silk Duvet")], 1.1, 0.7, [7, 6]),
    category!("Women's Apparel", "女装", 189, [("连衣裙", "Dress"), ("针织衫", "Cardigan"), ("羽绒服", "Down Jacket"), ("牛仔裤", "Jeans"), ("T恤", "T-shirt")], 4.0, 1.6, [11, 12, 14]),
    category!("Men's Apparel", "男装", 199, [("衬衫", "Shirt"), ("夹克", "Jacket"), ("卫衣", "Hoodie"), ("休闲裤", "Chinos"), ("T恤", "T-shirt")], 3.5, 1.1, [11, 12]),
    category!("Shoes", "鞋靴", 359, [("跑步鞋", "Running Shoes"), ("板鞋", "Sneakers"), ("皮鞋", "Leather Shoes"), ("拖鞋", "Slippers")], 3.5, 1.0, [9, 10, 23]),
    category!("Bags & Luggage", "箱包", 299, [("双肩包", "Backpack"), ("行李箱", "Suitcase"), ("斜挎包", "Crossbody Bag"), ("钱包", "Wallet")], 1.5, 0.6, [9, 11]),
    category!("Jewelry & Watches", "珠宝手表", 880, [("手表", "Watch"), ("项链", "Necklace"), ("耳钉", "Earrings"), ("手链", "Bracelet")], 1.2, 0.4, [9, 14]),
    category!("Beauty & Skincare", "美妆护肤", 189, [("面霜", "Face Cream"), ("精华液", "Serum"), ("口红", "Lipstick"), ("防晒霜", "Sunscreen"), ("面膜", "Sheet Mask")], 0.6, 1.5, [15, 9, 13]),
    category!("Personal Care", "个护清洁", 49, [("洗发水", "Shampoo"), ("牙膏", "Toothpaste"), ("沐浴露", "Body Wash"), ("电动牙刷", "Electric Toothbrush")], 0.4, 1.8, [14, 16]),
    category!("Baby & Maternity", "母婴", 129, [("纸尿裤", "Diapers"), ("奶粉", "Infant Formula"), ("婴儿推车", "Stroller"), ("湿巾", "Baby Wipes")], 0.6, 1.0, [17, 15]),
    category!("Toys", "玩具", 99, [("积木", "Building Blocks"), ("毛绒玩具", "Plush Toy"), ("遥控车", "RC Car"), ("拼图", "Puzzle")], 0.7, 0.8, [16, 24]),
    category!("Snacks", "休闲零食", 29, [("坚果礼盒", "Mixed Nuts"), ("牛肉干", "Beef Jerky"), ("饼干", "Cookies"), ("薯片", "Potato Chips"), ("巧克力", "Chocolate")], 0.2, 2.0, [19, 28]),
    category!("Beverages", "酒水饮料", 59, [("矿泉水", "Mineral Water"), ("白酒", "Baijiu"), ("红酒", "Red Wine"), ("精酿啤酒", "Craft Beer"), ("果汁", "Juice")], 0.2, 1.5, [18, 21]),
    category!("Fresh Food", "生鲜", 79, [("车厘子", "Cherries"), ("牛排", "Steak"), ("三文鱼", "Salmon"), ("鸡蛋", "Eggs")], 0.5, 1.3, [21, 19]),
    category!("Grains & Oils", "粮油调味", 39, [("大米", "Rice"), ("食用油", "Cooking Oil"), ("酱油", "Soy Sauce"), ("挂面", "Noodles")], 0.2, 1.2, [20, 6]),
    category!("Health & Supplements", "医药保健", 149, [("维生素", "Vitamins"), ("鱼油", "Fish Oil"), ("蛋白粉", "Protein Powder"), ("体温计", "Thermometer")], 0.4, 0.8, [15, 23]),
    category!("Sports & Outdoors", "运动户外", 249, [("瑜伽垫", "Yoga Mat"), ("帐篷", "Tent"), ("哑铃", "Dumbbells"), ("冲锋衣", "Hardshell Jacket")], 1.5, 0.7, [10, 11, 22]),
    category!("Books", "图书", 45, [("小说", "Novel"), ("童书", "Children's Book"), ("教材", "Textbook"), ("漫画", "Comic")], 0.3, 0.8, [25, 17]),
    category!("Stationery", "文具", 25, [("中性笔", "Gel Pen"), ("笔记本", "Notebook"), ("文件夹", "Folder"), ("便利贴", "Sticky Notes")], 0.3, 0.8, [24, 2]),
    category!("Pet Supplies", "宠物用品", 89, [("猫粮", "Cat Food"), ("狗粮", "Dog Food"), ("猫砂", "Cat Litter"), ("宠物玩具", "Pet Toy")], 0.4, 0.9, [16, 18]),
    category!("Automotive", "汽车用品", 149, [("行车记录仪", "Dash Cam"), ("车载充电器", "Car Charger"), ("座垫", "Seat Cushion"), ("洗车液", "Car Shampoo")], 0.8, 0.4, [0, 4]),
    category!("Tea & Coffee", "茶咖", 99, [("龙井茶", "Longjing Tea"), ("普洱茶", "Pu-erh Tea"), ("咖啡豆", "Coffee Beans"), ("挂耳咖啡", "Drip Coffee")], 0.3, 0.9, [18, 24]),
    category!("Gaming", "游戏", 399, [("游戏手柄", "Game Controller"), ("游戏机", "Game Console"), ("电竞椅", "Gaming Chair"), ("游戏卡带", "Game Cartridge")], 1.0, 0.4, [2, 3]),
];

/// Brands as (Chinese, English); Chinese names use the first, English names the second.
#[rustfmt::skip]
pub(super) const BRANDS: [(&str, &str); 24] = [
    ("极光", "Aurora"), ("青木", "Aoki"), ("云朵", "Cloudy"), ("星河", "Galaxy"), ("禾田", "Hetian"),
    ("山海", "Shanhai"), ("南风", "Southwind"), ("北辰", "Polaris"), ("木子", "Muzi"), ("悦享", "Joyful"),
    ("优品", "Youpin"), ("臻选", "Select"), ("乐活", "Lohas"), ("初心", "Origin"), ("森屿", "Forest Isle"),
    ("简约", "Simple"), ("匠心", "Artisan"), ("锦绣", "Splendor"), ("晨曦", "Dawn"), ("竹语", "Bamboo"),
    ("麦田", "Wheatfield"), ("橙子", "Orange"), ("蓝鲸", "Blue Whale"), ("熊猫", "Panda"),
];

/// Colours as (Chinese, English).
#[rustfmt::skip]
pub(super) const COLORS: [(&str, &str); 8] = [
    ("白色", "White"), ("黑色", "Black"), ("灰色", "Grey"), ("蓝色", "Blue"), ("红色", "Red"),
    ("绿色", "Green"), ("粉色", "Pink"), ("米色", "Beige"),
];

/// Clothing and shoe sizes.
pub(super) const SIZES: [&str; 5] = ["S", "M", "L", "XL", "XXL"];

/// Home regions with their share of customers: 31 Chinese provinces and municipalities,
/// then 10 countries (a cross-border minority).
#[rustfmt::skip]
pub(super) const REGIONS: [(&str, f64); 41] = [
    ("Guangdong", 14.0), ("Zhejiang", 9.0), ("Jiangsu", 9.0), ("Shanghai", 7.0), ("Beijing", 6.5),
    ("Shandong", 6.0), ("Sichuan", 5.0), ("Fujian", 4.5), ("Henan", 4.5), ("Hubei", 4.0),
    ("Hunan", 3.5), ("Anhui", 3.0), ("Hebei", 3.0), ("Shaanxi", 2.5), ("Chongqing", 2.5),
    ("Tianjin", 2.0), ("Liaoning", 2.0), ("Jiangxi", 1.8), ("Yunnan", 1.5), ("Guangxi", 1.5),
    ("Heilongjiang", 1.0), ("Jilin", 0.8), ("Shanxi", 0.9), ("Guizhou", 0.9), ("Hainan", 0.6),
    ("Inner Mongolia", 0.5), ("Xinjiang", 0.4), ("Gansu", 0.4), ("Ningxia", 0.2), ("Qinghai", 0.15), ("Tibet", 0.08),
    ("Singapore", 1.2), ("Malaysia", 1.0), ("United States", 1.0), ("Japan", 0.7), ("South Korea", 0.6),
    ("Australia", 0.6), ("Canada", 0.5), ("United Kingdom", 0.5), ("Germany", 0.3), ("Thailand", 0.4),
];

/// Regions at this index and above are abroad: no mini-program and no store there.
pub(super) const FIRST_FOREIGN_REGION: usize = 31;

/// Sales channels and their mix. Indices ≥ [`FIRST_LOCAL_CHANNEL`] exist only in China.
pub(super) const CHANNELS: [(&str, f64); 4] = [
    ("web", 0.28),
    ("app", 0.37),
    ("mini-program", 0.25),
    ("store", 0.10),
];

/// The WeChat mini-program and the physical store: China only.
pub(super) const FIRST_LOCAL_CHANNEL: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affinities_point_to_other_existing_categories() {
        for (i, c) in CATEGORIES.iter().enumerate() {
            assert!(!c.affinity.is_empty());
            for &a in c.affinity {
                assert!(a < CATEGORIES.len() && a != i, "category {i} -> {a}");
            }
        }
    }
}
