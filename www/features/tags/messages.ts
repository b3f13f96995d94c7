/**
 * The tags view's messages, in English and Chinese (a unit test checks both have the same
 * keys and placeholders). Every built-in tag's name is a core code, `tags.tag.<code>`: its
 * English comes from Rust, its Chinese is in `core` here.
 */

import { defineMessages } from '../../i18n/index.js';

const en = {
  'tags.label': 'Tags',
  'tags.title': 'Tag system',
  'tags.intro': 'Every tag is a rule over the customer table, shown as written; thresholds come from this shop’s own data. Add your own rule tags below.',
  'tags.customers': '{count} customers tagged',
  'tags.loading': 'Tagging customers…',
  'tags.failed': 'The tags could not be computed.',
  'tags.noCustomers': 'No customer IDs in this data, so there is no one to tag.',
  'tags.col.tag': 'Tag',
  'tags.col.rule': 'Rule',
  'tags.col.customers': 'Customers',
  'tags.col.share': 'Share',
  'tags.col.revenueShare': 'Revenue share',
  'tags.show': 'Show',
  'tags.show.label': 'Show the customers tagged {tag}',
  'tags.family.value': 'Value',
  'tags.family.consumption': 'Consumption ability',
  'tags.family.lifecycle': 'Lifecycle',
  'tags.family.preference': 'Interest and preference',
  'tags.family.behaviour': 'Behaviour',
  'tags.family.risk': 'Risk',
  'tags.family.rule': 'Your rule tags',
  'tags.basicNote': 'Basic-attribute tags (gender, age, city, member level) need a customers file.',
  'tags.add': 'Add a rule tag',
  'tags.add.name': 'Name',
  'tags.add.rule': 'Rule',
  'tags.add.rulePlaceholder': 'orders >= 3 and days_since_last_order > 90',
  'tags.add.help': 'One rule, or several values checked in order: "高" if revenue > 5000, "中" if revenue > 1000, else "低".',
  'tags.add.submit': 'Add tag',
  'tags.remove': 'Remove',
  'tags.remove.label': 'Remove the rule tag {tag}',
  'tags.error.in': 'Rule tag “{tag}”: {message}',
};

const zhCN: Record<keyof typeof en, string> = {
  'tags.label': '标签',
  'tags.title': '标签体系',
  'tags.intro': '每个标签都是对客户表的一条规则，原样显示；阈值取自本店自己的数据。可在下方添加自定义规则标签。',
  'tags.customers': '共 {count} 位客户',
  'tags.loading': '正在为客户打标签…',
  'tags.failed': '无法计算标签。',
  'tags.noCustomers': '数据中没有客户 ID，无法打标签。',
  'tags.col.tag': '标签',
  'tags.col.rule': '规则',
  'tags.col.customers': '客户数',
  'tags.col.share': '占比',
  'tags.col.revenueShare': '收入占比',
  'tags.show': '查看',
  'tags.show.label': '查看带有“{tag}”标签的客户',
  'tags.family.value': '价值',
  'tags.family.consumption': '消费能力',
  'tags.family.lifecycle': '生命周期',
  'tags.family.preference': '兴趣偏好',
  'tags.family.behaviour': '行为',
  'tags.family.risk': '风险',
  'tags.family.rule': '自定义规则标签',
  'tags.basicNote': '基础属性标签（性别、年龄、城市、会员等级）需要客户文件。',
  'tags.add': '添加规则标签',
  'tags.add.name': '名称',
  'tags.add.rule': '规则',
  'tags.add.rulePlaceholder': '订单数 >= 3 and 距末单天数 > 90',
  'tags.add.help': '一条规则，或按顺序判断的多个取值："高" if revenue > 5000, "中" if revenue > 1000, else "低"。',
  'tags.add.submit': '添加标签',
  'tags.remove': '删除',
  'tags.remove.label': '删除规则标签“{tag}”',
  'tags.error.in': '规则标签“{tag}”：{message}',
};

/** The Chinese wording of the codes the tags analysis sends (its English is in Rust). */
const core = {
  'tags.no_name': '规则标签需要名称',
  'tags.duplicate': '有两个规则标签都叫“{name}”',
  'tags.bad_values': '规则标签“{name}”中：请把取值写成 "a" if 规则, "b" if 规则, else "c"',
  // the built-in tags' names: core codes, so the customer card names them too
  'tags.tag.high_value': '高价值',
  'tags.tag.high_predicted_value': '预测高价值',
  'tags.tag.likely_lost': '很可能已流失',
  'tags.tag.medium_value': '中价值',
  'tags.tag.low_value': '低价值',
  'tags.tag.high_spender': '高消费',
  'tags.tag.mid_spender': '中消费',
  'tags.tag.low_spender': '低消费',
  'tags.tag.new': '新客',
  'tags.tag.active': '活跃',
  'tags.tag.loyal': '忠诚',
  'tags.tag.returning': '回流',
  'tags.tag.dormant': '沉睡',
  'tags.tag.churned': '流失',
  'tags.tag.category_loyal': '类目专一',
  'tags.tag.festival_shopper': '大促型',
  'tags.tag.new_product_seeker': '尝新型',
  'tags.tag.premium': '高端型',
  'tags.tag.bargain_hunter': '性价比型',
  'tags.tag.night_owl': '夜猫子',
  'tags.tag.weekend_shopper': '周末购物',
  'tags.tag.frequent_buyer': '高频复购',
  'tags.tag.return_heavy': '高退货',
  'tags.tag.one_time_buyer': '一次性购买',
  'tags.tag.slipping_valuable': '高价值流失风险',
};

/** This view's `t`. */
export const t = defineMessages({ en, 'zh-CN': zhCN, core });

/** The message tables (for the tests). */
export const MESSAGES = { en, 'zh-CN': zhCN, core };
