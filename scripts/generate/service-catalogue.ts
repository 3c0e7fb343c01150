import type { AttributeDefinitionData } from '../../subgraphs/services/item/item-attributes.rules';

/**
 * The item lists of a generated district, after the 沂水 grid responsibility list, 寿光's admitted
 * items, the community duty and assistance lists, the certificate list and the items a community
 * may not be asked for. `weight` is how often residents and workers report the item; `samples`
 * give the descriptions and the values of free-text attributes cases are written with.
 * `change` is a second version written mid-year (a shorter time limit): cases reported before it
 * keep pointing at the first version.
 */
export interface CatalogueItem {
  code: string;
  name: string;
  category: string;
  department: string;
  level: 'GRID' | 'COMMUNITY' | 'STREET' | 'DEPARTMENT';
  timeLimitHours: number;
  homeService: boolean;
  lists: string[];
  attributes: AttributeDefinitionData[];
  weight: number;
  descriptions: string[];
  samples?: Record<string, string[]>;
  change?: { timeLimitHours: number };
}

const enumOf = (name: string, description: string, values: string[], required = true): AttributeDefinitionData =>
  ({ name, description, type: 'ENUM' as AttributeDefinitionData['type'], required, allowedValues: values });
const typed = (name: string, description: string, type: string, required: boolean): AttributeDefinitionData =>
  ({ name, description, type: type as AttributeDefinitionData['type'], required, allowedValues: [] });

export const ITEM_VERSION_CHANGED_AT = new Date('2026-05-01T00:00:00Z');

export const CATALOGUE: CatalogueItem[] = [
  { code: 'GD-01', name: '实有人口信息采集', category: '基础信息', department: '综治办', level: 'GRID', timeLimitHours: 72, homeService: false,
    lists: ['GRID_DUTY'], attributes: [], weight: 4, descriptions: ['新入住租户信息登记', '住户变动信息更新', '出租房屋人员信息核对'] },
  { code: 'GD-02', name: '矛盾纠纷排查调解', category: '平安建设', department: '司法所', level: 'GRID', timeLimitHours: 48, homeService: false,
    lists: ['GRID_DUTY'], weight: 10,
    attributes: [enumOf('disputeKind', '纠纷类型', ['邻里纠纷', '物业纠纷', '婚姻家庭', '其他']), typed('parties', '当事人数', 'NUMBER', false)],
    descriptions: ['楼上漏水引发邻里纠纷', '停车位占用引发争执', '装修噪音引发邻里矛盾', '赡养老人问题家庭纠纷', '宠物扰民引发纠纷'] },
  { code: 'GD-03', name: '环境卫生巡查', category: '城市管理', department: '城管局', level: 'GRID', timeLimitHours: 24, homeService: false,
    lists: ['GRID_DUTY'], weight: 18, change: { timeLimitHours: 12 },
    attributes: [enumOf('problem', '问题类型', ['垃圾堆放', '占道经营', '污水外溢', '其他']), typed('photoTaken', '是否已拍照', 'BOOLEAN', false)],
    descriptions: ['垃圾堆放多日未清运', '小区门口占道经营', '雨水井污水外溢', '楼道杂物堆积', '绿化带内建筑垃圾'] },
  { code: 'GD-04', name: '高龄津贴代办', category: '便民服务', department: '民政局', level: 'COMMUNITY', timeLimitHours: 120, homeService: true,
    lists: ['GRID_DUTY', 'COMMUNITY_DUTY'], weight: 3, attributes: [typed('birthDate', '老人出生日期', 'DATE', true)],
    descriptions: ['高龄老人津贴申请代办', '八十岁以上老人津贴年审代办'] },
  { code: 'GD-05', name: '安全隐患排查', category: '平安建设', department: '应急管理局', level: 'GRID', timeLimitHours: 24, homeService: false,
    lists: ['GRID_DUTY'], weight: 10, attributes: [enumOf('hazard', '隐患类型', ['消防通道堵塞', '电动车违规充电', '燃气隐患', '其他'])],
    descriptions: ['消防通道被车辆堵塞', '楼道内电动车飞线充电', '沿街商铺燃气瓶存放不规范', '楼顶违规搭建易燃物'] },
  { code: 'GD-06', name: '特殊人群走访', category: '平安建设', department: '综治办', level: 'GRID', timeLimitHours: 72, homeService: true,
    lists: ['GRID_DUTY'], weight: 3, attributes: [], descriptions: ['社区矫正人员定期走访', '重点关注人员情况核实'] },
  { code: 'GD-07', name: '违法建设巡查', category: '城市管理', department: '综合行政执法局', level: 'STREET', timeLimitHours: 72, homeService: false,
    lists: ['GRID_DUTY'], weight: 3, attributes: [], descriptions: ['一楼住户私搭院落', '楼顶加盖彩钢房', '侵占公共绿地搭建棚屋'] },
  { code: 'GD-08', name: '市政设施报修', category: '城市管理', department: '住房和城乡建设局', level: 'STREET', timeLimitHours: 48, homeService: false,
    lists: ['GRID_DUTY'], weight: 12, change: { timeLimitHours: 36 },
    attributes: [enumOf('facility', '设施类型', ['路灯', '井盖', '道路破损', '供水管道'])],
    descriptions: ['路灯不亮', '井盖破损存在安全隐患', '人行道路面塌陷', '供水管道破裂漏水', '小区门口道路坑洼积水'] },
  { code: 'GD-09', name: '物业服务纠纷', category: '物业管理', department: '住房和城乡建设局', level: 'COMMUNITY', timeLimitHours: 72, homeService: false,
    lists: ['GRID_DUTY'], weight: 8, attributes: [], descriptions: ['物业不履行维修义务', '电梯长期故障无人维修', '物业费收取争议', '小区门禁损坏'] },
  { code: 'GD-10', name: '噪音扰民', category: '环境保护', department: '生态环境分局', level: 'STREET', timeLimitHours: 24, homeService: false,
    lists: ['GRID_DUTY'], weight: 6, attributes: [], descriptions: ['夜间施工噪音扰民', '广场舞音响声音过大', '商铺高音喇叭招揽顾客'] },
  { code: 'GD-11', name: '食品安全巡查', category: '市场监管', department: '市场监管所', level: 'GRID', timeLimitHours: 48, homeService: false,
    lists: ['GRID_DUTY'], weight: 2, attributes: [], descriptions: ['流动摊贩无证经营熟食', '小餐馆后厨卫生问题'] },
  { code: 'GD-12', name: '政策宣传入户', category: '宣传教育', department: '综治办', level: 'GRID', timeLimitHours: 168, homeService: true,
    lists: ['GRID_DUTY'], weight: 2, attributes: [], descriptions: ['医保参保政策入户宣传', '防范电信诈骗宣传'] },
  { code: 'GA-01', name: '独居老人定期探访', category: '民生服务', department: '民政局', level: 'GRID', timeLimitHours: 168, homeService: true,
    lists: ['GRID_ADMITTED'], weight: 3, attributes: [], descriptions: ['独居老人月度探访', '独居老人家中无人应答需上门查看'] },
  { code: 'GA-02', name: '汛期隐患巡查', category: '应急管理', department: '应急管理局', level: 'GRID', timeLimitHours: 12, homeService: false,
    lists: ['GRID_ADMITTED'], weight: 1, attributes: [], descriptions: ['地下车库积水', '低洼地段排水不畅'] },
  { code: 'GA-03', name: '燃气安全入户检查', category: '安全生产', department: '住房和城乡建设局', level: 'GRID', timeLimitHours: 168, homeService: true,
    lists: ['GRID_ADMITTED'], weight: 1, attributes: [], descriptions: ['燃气软管老化入户检查', '燃气报警器安装情况检查'] },
  { code: 'CD-01', name: '社会救助申请', category: '社会保障', department: '民政局', level: 'COMMUNITY', timeLimitHours: 240, homeService: false,
    lists: ['COMMUNITY_DUTY'], weight: 2, attributes: [enumOf('assistance', '救助类型', ['最低生活保障', '特困供养', '临时救助'])],
    descriptions: ['因病致贫申请救助', '失业家庭申请临时救助'] },
  { code: 'CD-02', name: '残疾人证申领代办', category: '社会保障', department: '残疾人联合会', level: 'COMMUNITY', timeLimitHours: 240, homeService: true,
    lists: ['COMMUNITY_DUTY'], weight: 1, attributes: [], descriptions: ['行动不便残疾人证申领代办'] },
  { code: 'CD-03', name: '城乡居民医保参保登记', category: '社会保障', department: '医疗保障局', level: 'COMMUNITY', timeLimitHours: 72, homeService: false,
    lists: ['COMMUNITY_DUTY'], weight: 2, attributes: [], descriptions: ['新生儿医保参保登记', '灵活就业人员医保参保'] },
  { code: 'CD-04', name: '退役军人服务', category: '优抚安置', department: '退役军人事务局', level: 'COMMUNITY', timeLimitHours: 120, homeService: false,
    lists: ['COMMUNITY_DUTY'], weight: 1, attributes: [], descriptions: ['退役军人优待证申领', '退役军人信息采集'] },
  { code: 'CD-05', name: '就业登记', category: '劳动就业', department: '人力资源和社会保障局', level: 'COMMUNITY', timeLimitHours: 72, homeService: false,
    lists: ['COMMUNITY_DUTY'], weight: 2, attributes: [], descriptions: ['失业登记', '就业困难人员认定申请'] },
  { code: 'CA-01', name: '人口抽样调查协助', category: '统计', department: '统计局', level: 'COMMUNITY', timeLimitHours: 336, homeService: false,
    lists: ['COMMUNITY_ASSIST'], weight: 0.3, attributes: [], descriptions: ['人口抽样调查入户协助'] },
  { code: 'CA-02', name: '征兵宣传协助', category: '兵役', department: '人民武装部', level: 'COMMUNITY', timeLimitHours: 168, homeService: false,
    lists: ['COMMUNITY_ASSIST'], weight: 0.3, attributes: [], descriptions: ['适龄青年征兵宣传'] },
  { code: 'CA-03', name: '爱国卫生运动协助', category: '卫生健康', department: '卫生健康委员会', level: 'COMMUNITY', timeLimitHours: 168, homeService: false,
    lists: ['COMMUNITY_ASSIST'], weight: 0.5, attributes: [], descriptions: ['病媒生物防制消杀协助'] },
  { code: 'CE-01', name: '居住证明', category: '证明盖章', department: '社区居委会', level: 'COMMUNITY', timeLimitHours: 24, homeService: false,
    lists: ['CERTIFICATE'], weight: 5, change: { timeLimitHours: 8 }, attributes: [typed('purpose', '用途', 'STRING', true)],
    samples: { purpose: ['子女入学', '办理居住证', '申请公租房', '银行开户'] }, descriptions: ['开具居住证明', '出具实际居住情况证明'] },
  { code: 'CE-02', name: '亲属关系证明核实', category: '证明盖章', department: '公安派出所', level: 'COMMUNITY', timeLimitHours: 72, homeService: false,
    lists: ['CERTIFICATE'], weight: 1, attributes: [], descriptions: ['亲属关系证明协助核实'] },
  { code: 'CE-03', name: '困难群众证明', category: '证明盖章', department: '民政局', level: 'COMMUNITY', timeLimitHours: 72, homeService: false,
    lists: ['CERTIFICATE'], weight: 1, attributes: [], descriptions: ['困难家庭学生助学金证明'] },
  { code: 'NC-01', name: '招商引资任务', category: '经济发展', department: '商务局', level: 'DEPARTMENT', timeLimitHours: 720, homeService: false,
    lists: ['NOT_FOR_COMMUNITY'], weight: 0, attributes: [], descriptions: [] },
  { code: 'NC-02', name: '征地拆迁', category: '自然资源', department: '自然资源和规划局', level: 'DEPARTMENT', timeLimitHours: 720, homeService: false,
    lists: ['NOT_FOR_COMMUNITY'], weight: 0, attributes: [], descriptions: [] },
  { code: 'NC-03', name: '安全生产执法', category: '安全生产', department: '应急管理局', level: 'DEPARTMENT', timeLimitHours: 240, homeService: false,
    lists: ['NOT_FOR_COMMUNITY'], weight: 0, attributes: [], descriptions: [] },
  { code: 'NC-04', name: '环保执法检查', category: '环境保护', department: '生态环境分局', level: 'DEPARTMENT', timeLimitHours: 240, homeService: false,
    lists: ['NOT_FOR_COMMUNITY'], weight: 0, attributes: [], descriptions: [] },
];

/** Share of grids each admitted item (入格事项) is admitted into. */
export const ADMITTED_SHARE: Record<string, number> = { 'GA-01': 1, 'GA-02': 0.3, 'GA-03': 0.5 };
