/**
 * Reference lists of the Shenzhen programme (domain-reference.md "Places and industries").
 * Codes are English and stable; labels are for the UI.
 */

/** 深圳市行政区 (districts incl. 大鹏新区 and 深汕特别合作区). */
export const districts = [
  { code: 'futian', zh: '福田区', en: 'Futian' },
  { code: 'luohu', zh: '罗湖区', en: 'Luohu' },
  { code: 'yantian', zh: '盐田区', en: 'Yantian' },
  { code: 'nanshan', zh: '南山区', en: 'Nanshan' },
  { code: 'baoan', zh: '宝安区', en: "Bao'an" },
  { code: 'longgang', zh: '龙岗区', en: 'Longgang' },
  { code: 'longhua', zh: '龙华区', en: 'Longhua' },
  { code: 'pingshan', zh: '坪山区', en: 'Pingshan' },
  { code: 'guangming', zh: '光明区', en: 'Guangming' },
  { code: 'dapeng', zh: '大鹏新区', en: 'Dapeng New District' },
  { code: 'shenshan', zh: '深汕特别合作区', en: 'Shenshan Special Cooperation Zone' },
] as const;
export type DistrictCode = (typeof districts)[number]['code'];
export const districtCodes: readonly DistrictCode[] = districts.map((d) => d.code);

/** "20+8" 产业集群: 20 strategic emerging clusters and 8 future industries. */
export const industryClusters = [
  { code: 'network-communications', zh: '网络与通信', en: 'Network & communications', group: 'strategic' },
  { code: 'semiconductors-ic', zh: '半导体与集成电路', en: 'Semiconductors & ICs', group: 'strategic' },
  { code: 'uhd-video-display', zh: '超高清视频显示', en: 'Ultra-HD video & display', group: 'strategic' },
  { code: 'smart-terminals', zh: '智能终端', en: 'Smart terminals', group: 'strategic' },
  { code: 'smart-sensors', zh: '智能传感器', en: 'Smart sensors', group: 'strategic' },
  { code: 'software-it-services', zh: '软件与信息服务', en: 'Software & IT services', group: 'strategic' },
  { code: 'digital-creative', zh: '数字创意', en: 'Digital creative', group: 'strategic' },
  { code: 'modern-fashion', zh: '现代时尚', en: 'Modern fashion', group: 'strategic' },
  { code: 'industrial-machine-tools', zh: '工业母机', en: 'Industrial machine tools', group: 'strategic' },
  { code: 'intelligent-robots', zh: '智能机器人', en: 'Intelligent robots', group: 'strategic' },
  { code: 'laser-additive', zh: '激光与增材制造', en: 'Laser & additive manufacturing', group: 'strategic' },
  { code: 'precision-instruments', zh: '精密仪器设备', en: 'Precision instruments', group: 'strategic' },
  { code: 'new-energy', zh: '新能源', en: 'New energy', group: 'strategic' },
  {
    code: 'energy-saving-environment',
    zh: '安全节能环保',
    en: 'Safety, energy saving & environment',
    group: 'strategic',
  },
  {
    code: 'intelligent-connected-vehicles',
    zh: '智能网联汽车',
    en: 'Intelligent connected vehicles',
    group: 'strategic',
  },
  { code: 'new-materials', zh: '新材料', en: 'New materials', group: 'strategic' },
  {
    code: 'high-end-medical-devices',
    zh: '高端医疗器械',
    en: 'High-end medical devices',
    group: 'strategic',
  },
  { code: 'biomedicine', zh: '生物医药', en: 'Biomedicine', group: 'strategic' },
  { code: 'big-health', zh: '大健康', en: 'Health industry', group: 'strategic' },
  { code: 'marine', zh: '海洋产业', en: 'Marine industry', group: 'strategic' },
  { code: 'synthetic-biology', zh: '合成生物', en: 'Synthetic biology', group: 'future' },
  { code: 'blockchain', zh: '区块链', en: 'Blockchain', group: 'future' },
  { code: 'cell-gene', zh: '细胞与基因', en: 'Cell & gene', group: 'future' },
  { code: 'aerospace', zh: '空天技术', en: 'Aerospace technology', group: 'future' },
  { code: 'brain-science', zh: '脑科学与类脑智能', en: 'Brain science & brain-inspired AI', group: 'future' },
  { code: 'deep-earth-sea', zh: '深地深海', en: 'Deep earth & deep sea', group: 'future' },
  {
    code: 'optical-computing',
    zh: '可见光通信与光计算',
    en: 'Visible-light communication & optical computing',
    group: 'future',
  },
  { code: 'quantum-information', zh: '量子信息', en: 'Quantum information', group: 'future' },
] as const;
export type IndustryClusterCode = (typeof industryClusters)[number]['code'];
export const industryClusterCodes: readonly IndustryClusterCode[] = industryClusters.map((c) => c.code);

/** 企业规模 (enterprise size class, 《中小企业划型标准规定》). */
export const sizeClasses = [
  { code: 'micro', zh: '微型', en: 'Micro' },
  { code: 'small', zh: '小型', en: 'Small' },
  { code: 'medium', zh: '中型', en: 'Medium' },
  { code: 'large', zh: '大型', en: 'Large' },
] as const;
export type SizeClass = (typeof sizeClasses)[number]['code'];
export const sizeClassCodes: readonly SizeClass[] = sizeClasses.map((s) => s.code);

/** Kinds of organisation on the platform (requirements.md "Parties"). */
export const organisationKinds = [
  { code: 'ip_bureau', zh: '市知识产权局', en: 'City IP bureau' },
  { code: 'district_bureau', zh: '区知识产权主管部门', en: 'District bureau' },
  { code: 'pboc', zh: '人民银行深圳市分行', en: 'PBoC Shenzhen branch' },
  { code: 'financial_regulator', zh: '金融监管局', en: 'Financial regulator (NFRA)' },
  { code: 'local_finance_bureau', zh: '地方金融管理局', en: 'Local financial bureau' },
  { code: 'bank', zh: '银行', en: 'Bank' },
  { code: 'guarantor', zh: '政府性融资担保机构', en: 'Government financing guarantor' },
  { code: 're_guarantor', zh: '再担保机构', en: 'Re-guarantor' },
  { code: 'insurer', zh: '保险机构', en: 'Insurer' },
  { code: 'evaluation_firm', zh: '评估机构', en: 'Evaluation firm' },
  { code: 'association', zh: '知识产权金融协会', en: 'IP finance association' },
  { code: 'trading_centre', zh: '科技成果与知识产权交易中心', en: 'Technology & IP trading centre' },
  { code: 'securities_firm', zh: '证券公司', en: 'Securities firm' },
  { code: 'risk_pool', zh: '风险补偿资金池', en: 'Risk-compensation pool' },
  { code: 'enterprise', zh: '企业', en: 'Enterprise' },
  { code: 'expert_group', zh: '专家库', en: 'Expert pool' },
  { code: 'platform_operator', zh: '平台运营方', en: 'Platform operator' },
] as const;
export type OrganisationKind = (typeof organisationKinds)[number]['code'];
export const organisationKindCodes: readonly OrganisationKind[] = organisationKinds.map((k) => k.code);

/** 总行 / 分行 / 支行: a bank unit's level in its hierarchy (access.md "Bank hierarchy"). */
export const bankLevels = ['head_office', 'branch', 'sub_branch'] as const;
export type BankLevel = (typeof bankLevels)[number];
