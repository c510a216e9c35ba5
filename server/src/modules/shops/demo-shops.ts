import type { LicenceStatus, StorefrontDuties } from './shop.entity.js';

/** One demo shop: where it sits inside its unit grid (fractions of the grid's width and height from its south-west corner) and its file. */
export interface DemoShop {
  name: string;
  businessScope: string;
  responsiblePerson: string;
  phone: string;
  licence: LicenceStatus;
  /** Serial of its licence number; absent for a shop without a licence. */
  licenceSerial?: number;
  creditPoints?: number;
  duties: keyof typeof dutyTemplates;
  gridCode: string;
  at: [x: number, y: number];
  address: string;
}

/** 门前三包 duties by kind of shop. */
export const dutyTemplates = {
  food: {
    cleanliness: '门前人行道至路缘石范围内无垃圾、无油污，餐厨垃圾密闭收运',
    greenery: '门前行道树、树池无损坏，不倾倒污水',
    order: '不出店经营、不占道摆放桌椅，油烟达标排放',
  },
  retail: {
    cleanliness: '门前人行道至路缘石范围内无垃圾、无污水',
    greenery: '门前行道树、绿化带无损坏、无晾晒',
    order: '不出店经营、不占道堆放商品，门前非机动车有序停放',
  },
  repair: {
    cleanliness: '门前人行道无油污、无废旧零件',
    greenery: '门前行道树、绿化带无损坏',
    order: '不占道维修车辆，待修车辆不占用人行道',
  },
  market: {
    cleanliness: '摊位及通道无垃圾、无积水，收市后清扫干净',
    greenery: '市场出入口绿化无损坏',
    order: '不超出摊位经营，通道畅通',
  },
} satisfies Record<string, StorefrontDuties>;

/** The forty demo shops of 青禾区: 禾丰商业街, the crossing of 青禾大道 and 芸溪路, and 柳塘农贸市场. */
export const demoShops: DemoShop[] = [
  { name: '老杭帮菜馆', businessScope: '餐饮服务（杭帮菜）', responsiblePerson: '沈建国', phone: '13905710101', licence: 'valid', licenceSerial: 1, duties: 'food', gridCode: 'QH-01-02-0050', at: [0.8, 0.3], address: '禾丰商业街1号' },
  { name: '甜蜜奶茶铺', businessScope: '饮品制售', responsiblePerson: '林晓雯', phone: '13905710102', licence: 'valid', licenceSerial: 2, duties: 'food', gridCode: 'QH-01-02-0050', at: [0.8, 0.7], address: '禾丰商业街3号' },
  { name: '鲜果园水果店', businessScope: '水果零售', responsiblePerson: '周丽华', phone: '13905710103', licence: 'valid', licenceSerial: 3, duties: 'retail', gridCode: 'QH-01-02-0045', at: [0.8, 0.5], address: '禾丰商业街5号' },
  { name: '永兴五金店', businessScope: '五金交电零售', responsiblePerson: '钱永兴', phone: '13905710104', licence: 'valid', licenceSerial: 4, duties: 'retail', gridCode: 'QH-01-02-0040', at: [0.8, 0.3], address: '禾丰商业街7号' },
  { name: '丽人美发店', businessScope: '美容美发', responsiblePerson: '何美玲', phone: '13905710105', licence: 'valid', licenceSerial: 5, duties: 'retail', gridCode: 'QH-01-02-0040', at: [0.8, 0.7], address: '禾丰商业街9号' },
  { name: '晨光文具店', businessScope: '文具用品零售', responsiblePerson: '许文斌', phone: '13905710106', licence: 'valid', licenceSerial: 6, duties: 'retail', gridCode: 'QH-01-02-0035', at: [0.8, 0.5], address: '禾丰商业街11号' },
  { name: '明亮眼镜店', businessScope: '眼镜验配零售', responsiblePerson: '冯明亮', phone: '13905710107', licence: 'valid', licenceSerial: 7, duties: 'retail', gridCode: 'QH-01-02-0030', at: [0.8, 0.5], address: '禾丰商业街13号' },
  { name: '半亩书屋', businessScope: '图书零售', responsiblePerson: '宋雅琴', phone: '13905710108', licence: 'valid', licenceSerial: 8, duties: 'retail', gridCode: 'QH-01-02-0025', at: [0.8, 0.5], address: '禾丰商业街15号' },
  { name: '禾丰面馆', businessScope: '餐饮服务（面食）', responsiblePerson: '蒋国平', phone: '13905710109', licence: 'valid', licenceSerial: 9, duties: 'food', gridCode: 'QH-01-03-0046', at: [0.2, 0.3], address: '禾丰商业街2号' },
  { name: '好邻居便利店', businessScope: '日用百货零售', responsiblePerson: '韩志强', phone: '13905710110', licence: 'valid', licenceSerial: 10, duties: 'retail', gridCode: 'QH-01-03-0046', at: [0.2, 0.7], address: '禾丰商业街4号' },
  { name: '惠民大药房', businessScope: '药品零售', responsiblePerson: '杨慧敏', phone: '13905710111', licence: 'valid', licenceSerial: 11, duties: 'retail', gridCode: 'QH-01-03-0041', at: [0.2, 0.5], address: '禾丰商业街6号' },
  { name: '禾丰手机维修', businessScope: '通讯设备维修', responsiblePerson: '朱晓东', phone: '13905710112', licence: 'valid', licenceSerial: 12, duties: 'repair', gridCode: 'QH-01-03-0036', at: [0.2, 0.3], address: '禾丰商业街8号' },
  { name: '麦香烘焙坊', businessScope: '糕点烘焙制售', responsiblePerson: '秦素芬', phone: '13905710113', licence: 'valid', licenceSerial: 13, duties: 'food', gridCode: 'QH-01-03-0036', at: [0.2, 0.7], address: '禾丰商业街10号' },
  { name: '花语花店', businessScope: '鲜花零售', responsiblePerson: '尤佳怡', phone: '13905710114', licence: 'valid', licenceSerial: 14, duties: 'retail', gridCode: 'QH-01-03-0031', at: [0.2, 0.5], address: '禾丰商业街12号' },
  { name: '洁雅干洗店', businessScope: '洗染服务', responsiblePerson: '施洁', phone: '13905710115', licence: 'valid', licenceSerial: 15, duties: 'retail', gridCode: 'QH-01-03-0026', at: [0.2, 0.5], address: '禾丰商业街14号' },
  { name: '萌宠之家', businessScope: '宠物用品零售及美容', responsiblePerson: '吕思远', phone: '13905710116', licence: 'valid', licenceSerial: 16, duties: 'retail', gridCode: 'QH-01-03-0021', at: [0.2, 0.5], address: '禾丰商业街16号' },
  { name: '阿婆馄饨店', businessScope: '餐饮服务（小吃）', responsiblePerson: '金桂英', phone: '13905710117', licence: 'valid', licenceSerial: 17, duties: 'food', gridCode: 'QH-02-01-0016', at: [0.5, 0.7], address: '青禾大道218号' },
  { name: '湘味小厨', businessScope: '餐饮服务（湘菜）', responsiblePerson: '谢湘平', phone: '13905710118', licence: 'valid', licenceSerial: 18, creditPoints: 920, duties: 'food', gridCode: 'QH-02-01-0017', at: [0.5, 0.7], address: '青禾大道220号' },
  { name: '顺达五金建材', businessScope: '五金建材零售', responsiblePerson: '邹顺达', phone: '13905710119', licence: 'valid', licenceSerial: 19, duties: 'retail', gridCode: 'QH-02-01-0025', at: [0.5, 0.5], address: '芸溪路101号' },
  { name: '宏达电动车行', businessScope: '电动自行车销售及维修', responsiblePerson: '潘宏达', phone: '13905710120', licence: 'expired', licenceSerial: 20, creditPoints: 840, duties: 'repair', gridCode: 'QH-02-01-0026', at: [0.5, 0.5], address: '芸溪路103号' },
  { name: '青禾牛肉粉', businessScope: '餐饮服务（小吃）', responsiblePerson: '彭德明', phone: '13905710121', licence: 'valid', licenceSerial: 21, duties: 'food', gridCode: 'QH-02-02-0088', at: [0.5, 0.3], address: '青禾大道217号' },
  { name: '四季鲜水果行', businessScope: '水果零售', responsiblePerson: '鲁四海', phone: '13905710122', licence: 'valid', licenceSerial: 22, duties: 'retail', gridCode: 'QH-02-02-0089', at: [0.5, 0.3], address: '青禾大道219号' },
  { name: '青禾茶庄', businessScope: '茶叶零售', responsiblePerson: '韦清茗', phone: '13905710123', licence: 'valid', licenceSerial: 23, duties: 'retail', gridCode: 'QH-02-02-0079', at: [0.5, 0.5], address: '芸溪路121号' },
  { name: '快印图文社', businessScope: '打印复印服务', responsiblePerson: '马俊', phone: '13905710124', licence: 'valid', licenceSerial: 24, duties: 'retail', gridCode: 'QH-02-02-0080', at: [0.5, 0.5], address: '芸溪路123号' },
  { name: '芸溪小笼包', businessScope: '餐饮服务（小吃）', responsiblePerson: '苗玉兰', phone: '13905710125', licence: 'valid', licenceSerial: 25, duties: 'food', gridCode: 'QH-03-01-0011', at: [0.5, 0.7], address: '青禾大道222号' },
  { name: '好运来烟酒店', businessScope: '烟酒零售', responsiblePerson: '方好运', phone: '13905710126', licence: 'revoked', licenceSerial: 26, creditPoints: 650, duties: 'retail', gridCode: 'QH-03-01-0012', at: [0.5, 0.7], address: '青禾大道224号' },
  { name: '李记汽车修理', businessScope: '机动车维修', responsiblePerson: '李大勇', phone: '13905710127', licence: 'expired', licenceSerial: 27, creditPoints: 760, duties: 'repair', gridCode: 'QH-03-01-0020', at: [0.5, 0.5], address: '芸溪路102号' },
  { name: '小白兔母婴店', businessScope: '母婴用品零售', responsiblePerson: '俞晓燕', phone: '13905710128', licence: 'valid', licenceSerial: 28, duties: 'retail', gridCode: 'QH-03-01-0021', at: [0.5, 0.5], address: '芸溪路104号' },
  { name: '芸溪烧烤', businessScope: '餐饮服务（烧烤）', responsiblePerson: '任大海', phone: '13905710129', licence: 'none', creditPoints: 580, duties: 'food', gridCode: 'QH-03-02-0047', at: [0.5, 0.3], address: '青禾大道221号' },
  { name: '老陈五金机电', businessScope: '五金机电零售', responsiblePerson: '陈国栋', phone: '13905710130', licence: 'valid', licenceSerial: 30, duties: 'retail', gridCode: 'QH-03-02-0048', at: [0.5, 0.3], address: '青禾大道223号' },
  { name: '禾田快餐', businessScope: '餐饮服务（快餐）', responsiblePerson: '袁立新', phone: '13905710131', licence: 'valid', licenceSerial: 31, duties: 'food', gridCode: 'QH-03-02-0042', at: [0.5, 0.5], address: '芸溪路122号' },
  { name: '柳塘粮油店', businessScope: '粮油零售', responsiblePerson: '柳长顺', phone: '13905710132', licence: 'valid', licenceSerial: 32, duties: 'market', gridCode: 'QH-02-01-0039', at: [0.5, 0.5], address: '柳塘农贸市场1号铺' },
  { name: '张记鲜肉铺', businessScope: '鲜肉零售', responsiblePerson: '张德福', phone: '13905710133', licence: 'valid', licenceSerial: 33, duties: 'market', gridCode: 'QH-02-01-0040', at: [0.5, 0.5], address: '柳塘农贸市场2号铺' },
  { name: '阿强海鲜水产', businessScope: '水产品零售', responsiblePerson: '黄志强', phone: '13905710134', licence: 'expired', licenceSerial: 34, creditPoints: 880, duties: 'market', gridCode: 'QH-02-01-0041', at: [0.5, 0.5], address: '柳塘农贸市场3号铺' },
  { name: '王家豆腐坊', businessScope: '豆制品制售', responsiblePerson: '王秀兰', phone: '13905710135', licence: 'valid', licenceSerial: 35, duties: 'market', gridCode: 'QH-02-01-0048', at: [0.5, 0.5], address: '柳塘农贸市场4号铺' },
  { name: '绿野蔬菜店', businessScope: '蔬菜零售', responsiblePerson: '曹春生', phone: '13905710136', licence: 'valid', licenceSerial: 36, duties: 'market', gridCode: 'QH-02-01-0049', at: [0.5, 0.5], address: '柳塘农贸市场5号铺' },
  { name: '福记熟食店', businessScope: '熟食制售', responsiblePerson: '严福生', phone: '13905710137', licence: 'valid', licenceSerial: 37, duties: 'market', gridCode: 'QH-02-01-0050', at: [0.5, 0.5], address: '柳塘农贸市场6号铺' },
  { name: '果然鲜水果店', businessScope: '水果零售', responsiblePerson: '华美娟', phone: '13905710138', licence: 'valid', licenceSerial: 38, duties: 'market', gridCode: 'QH-02-01-0057', at: [0.5, 0.5], address: '柳塘农贸市场7号铺' },
  { name: '鸿运禽蛋行', businessScope: '禽蛋零售', responsiblePerson: '金鸿运', phone: '13905710139', licence: 'none', creditPoints: 900, duties: 'market', gridCode: 'QH-02-01-0058', at: [0.5, 0.5], address: '柳塘农贸市场8号铺' },
  { name: '南北干货店', businessScope: '干货零售', responsiblePerson: '魏南北', phone: '13905710140', licence: 'valid', licenceSerial: 40, duties: 'market', gridCode: 'QH-02-01-0059', at: [0.5, 0.5], address: '柳塘农贸市场9号铺' },
];
