//! The customers, events and products tables of the data contract (DESIGN.md), as schemas
//! of the same shape as `orders::ORDERS`. Synonyms are the English names of the contract and
//! the Chinese names of the usual exports: a CRM or member list (会员ID, 性别, 生日, 会员等级,
//! 注册时间, 手机号), the Taobao user-behaviour data set (`user_id, item_id, category_id,
//! behavior_type, timestamp`; Tianchi data set 649, "UserBehavior"), the RetailRocket events
//! log (`timestamp, visitorid, event, itemid`; Kaggle "retailrocket/ecommerce-dataset") and a
//! product catalogue (商品编码, 商品名称, 类目, 品牌, 价格, 标签).

use crate::ingest::columns::Field;
use crate::ingest::schema::{FieldSpec, Requirement, Schema, TableKind, ValueKind};

const fn spec(field: Field, synonyms: &'static [&'static str], value: ValueKind) -> FieldSpec {
    FieldSpec {
        field,
        synonyms,
        value,
    }
}

const fn needs(field: Field) -> Requirement {
    Requirement {
        any_of: match field {
            Field::CustomerId => &[Field::CustomerId],
            Field::ProductId => &[Field::ProductId],
            Field::EventType => &[Field::EventType],
            _ => &[Field::EventTime],
        },
        reported: field,
    }
}

const CUSTOMER_ID: &[&str] = &[
    "customerid",
    "userid",
    "memberid",
    "visitorid",
    "buyerid",
    "clientid",
    "customerno",
    "customer",
    "user",
    "member",
    "会员id",
    "客户编号",
    "客户id",
    "用户id",
    "会员编号",
    "会员卡号",
    "买家id",
    "买家会员名",
    "会员名",
    "用户",
    "客户",
];

const PRODUCT_ID: &[&str] = &[
    "productid",
    "itemid",
    "sku",
    "skuid",
    "stockcode",
    "productcode",
    "商品编码",
    "商品id",
    "商品编号",
    "货号",
    "宝贝id",
    "sku编码",
];

/// The customer list.
pub static CUSTOMERS: Schema = Schema {
    table: TableKind::Customers,
    fields: &[
        spec(Field::CustomerId, CUSTOMER_ID, ValueKind::Id),
        spec(
            Field::CustomerName,
            &[
                "name",
                "customername",
                "fullname",
                "姓名",
                "客户姓名",
                "会员姓名",
                "收货人",
            ],
            ValueKind::Text,
        ),
        spec(Field::Gender, &["gender", "sex", "性别"], ValueKind::Text),
        spec(
            Field::BirthDate,
            &[
                "birthdate",
                "birthday",
                "dateofbirth",
                "dob",
                "生日",
                "出生日期",
                "出生年月",
            ],
            ValueKind::Date,
        ),
        spec(Field::Age, &["age", "年龄"], ValueKind::Quantity),
        spec(
            Field::Region,
            &[
                "region",
                "province",
                "state",
                "country",
                "省份",
                "省",
                "地区",
                "所在地区",
                "国家",
            ],
            ValueKind::Text,
        ),
        spec(
            Field::City,
            &["city", "城市", "所在城市", "市"],
            ValueKind::Text,
        ),
        spec(
            Field::Occupation,
            &["occupation", "job", "profession", "职业"],
            ValueKind::Text,
        ),
        spec(
            Field::Education,
            &["education", "degree", "学历", "教育程度"],
            ValueKind::Text,
        ),
        spec(
            Field::Income,
            &[
                "income",
                "incomeband",
                "incomelevel",
                "收入",
                "月收入",
                "收入水平",
            ],
            ValueKind::Text,
        ),
        spec(
            Field::MemberLevel,
            &[
                "memberlevel",
                "level",
                "tier",
                "membership",
                "vipgrade",
                "会员等级",
                "等级",
                "会员级别",
            ],
            ValueKind::Text,
        ),
        spec(
            Field::SignupDate,
            &[
                "signupdate",
                "registeredat",
                "registrationdate",
                "createdat",
                "joined",
                "joindate",
                "firstseen",
                "注册时间",
                "注册日期",
                "入会时间",
                "开卡时间",
            ],
            ValueKind::Date,
        ),
        spec(
            Field::Email,
            &[
                "email",
                "emailaddress",
                "mail",
                "邮箱",
                "电子邮箱",
                "电子邮件",
            ],
            ValueKind::Text,
        ),
        spec(
            Field::Phone,
            &[
                "phone",
                "mobile",
                "phonenumber",
                "mobilephone",
                "tel",
                "telephone",
                "手机号",
                "手机",
                "手机号码",
                "电话",
                "联系电话",
            ],
            ValueKind::Text,
        ),
        spec(
            Field::Channel,
            &[
                "channel",
                "source",
                "signupchannel",
                "注册渠道",
                "渠道",
                "来源",
            ],
            ValueKind::Text,
        ),
    ],
    required: &[needs(Field::CustomerId)],
    stand_in: &[],
    whole_order: &[],
};

/// The behaviour events log.
pub static EVENTS: Schema = Schema {
    table: TableKind::Events,
    fields: &[
        spec(Field::CustomerId, CUSTOMER_ID, ValueKind::Id),
        spec(
            Field::EventTime,
            &[
                "timestamp",
                "eventtime",
                "time",
                "datetime",
                "date",
                "occurredat",
                "createdat",
                "时间",
                "行为时间",
                "发生时间",
                "时间戳",
            ],
            ValueKind::Date,
        ),
        spec(
            Field::EventType,
            &[
                "behaviortype",
                "behaviourtype",
                "eventtype",
                "event",
                "action",
                "behavior",
                "behaviour",
                "type",
                "行为类型",
                "行为",
                "事件",
                "事件类型",
            ],
            ValueKind::Text,
        ),
        spec(Field::ProductId, PRODUCT_ID, ValueKind::Id),
        spec(
            Field::Category,
            &[
                "categoryid",
                "category",
                "类目id",
                "类目",
                "品类",
                "商品类目",
            ],
            ValueKind::Text,
        ),
        spec(
            Field::Duration,
            &[
                "duration",
                "dwelltime",
                "staytime",
                "seconds",
                "停留时长",
                "停留时间",
                "浏览时长",
            ],
            ValueKind::Quantity,
        ),
        spec(
            Field::SearchQuery,
            &[
                "query",
                "searchterm",
                "keyword",
                "searchquery",
                "search",
                "搜索词",
                "关键词",
                "搜索关键词",
            ],
            ValueKind::Text,
        ),
        spec(
            Field::SessionId,
            &["sessionid", "session", "visitid", "会话id", "会话"],
            ValueKind::Id,
        ),
        spec(
            Field::Channel,
            &["channel", "source", "platform", "渠道", "来源", "访问渠道"],
            ValueKind::Text,
        ),
    ],
    required: &[
        needs(Field::CustomerId),
        needs(Field::EventTime),
        needs(Field::EventType),
    ],
    stand_in: &[],
    whole_order: &[],
};

/// The product catalogue.
pub static PRODUCTS: Schema = Schema {
    table: TableKind::Products,
    fields: &[
        spec(Field::ProductId, PRODUCT_ID, ValueKind::Id),
        spec(
            Field::ProductName,
            &[
                "productname",
                "name",
                "title",
                "description",
                "商品名称",
                "商品名",
                "宝贝标题",
                "商品标题",
                "名称",
            ],
            ValueKind::Text,
        ),
        spec(
            Field::Category,
            &[
                "category",
                "categoryname",
                "producttype",
                "类目",
                "商品类目",
                "品类",
                "分类",
            ],
            ValueKind::Text,
        ),
        spec(Field::Brand, &["brand", "vendor", "品牌"], ValueKind::Text),
        spec(
            Field::Price,
            &[
                "price",
                "listprice",
                "unitprice",
                "价格",
                "售价",
                "单价",
                "吊牌价",
            ],
            ValueKind::Money,
        ),
        spec(
            Field::ProductTags,
            &["tags", "attributes", "labels", "标签", "属性", "商品标签"],
            ValueKind::Text,
        ),
    ],
    required: &[needs(Field::ProductId)],
    stand_in: &[],
    whole_order: &[],
};
