// The parts each shipped division list is split into (scripts/generate-divisions.mjs), so that an app of one city
// or district imports that part and not its province (issue 16).
//
// Hebei: one part per prefecture (4-digit prefix 1301 …). Beijing: one part per district (6-digit prefix 110101 …):
// the bureau's list puts Beijing's 16 districts under one prefecture-level row, 110100000000 市辖区, so a Beijing
// "city" part would be the whole province again; the district is what a Beijing district app has.
//
// Each part: [code prefix, name in the list (the generator checks it), export name (pinyin), English name].

/** @type {Record<string, { zh: string, en: string, parts: [string, string, string, string][] }>} */
export const LIST_PARTS = {
  beijing: {
    zh: '北京市',
    en: 'Beijing',
    parts: [
      ['110101', '东城区', 'dongcheng', 'Dongcheng'],
      ['110102', '西城区', 'xicheng', 'Xicheng'],
      ['110105', '朝阳区', 'chaoyang', 'Chaoyang'],
      ['110106', '丰台区', 'fengtai', 'Fengtai'],
      ['110107', '石景山区', 'shijingshan', 'Shijingshan'],
      ['110108', '海淀区', 'haidian', 'Haidian'],
      ['110109', '门头沟区', 'mentougou', 'Mentougou'],
      ['110111', '房山区', 'fangshan', 'Fangshan'],
      ['110112', '通州区', 'tongzhou', 'Tongzhou'],
      ['110113', '顺义区', 'shunyi', 'Shunyi'],
      ['110114', '昌平区', 'changping', 'Changping'],
      ['110115', '大兴区', 'daxing', 'Daxing'],
      ['110116', '怀柔区', 'huairou', 'Huairou'],
      ['110117', '平谷区', 'pinggu', 'Pinggu'],
      ['110118', '密云区', 'miyun', 'Miyun'],
      ['110119', '延庆区', 'yanqing', 'Yanqing'],
    ],
  },
  hebei: {
    zh: '河北省',
    en: 'Hebei',
    parts: [
      ['1301', '石家庄市', 'shijiazhuang', 'Shijiazhuang'],
      ['1302', '唐山市', 'tangshan', 'Tangshan'],
      ['1303', '秦皇岛市', 'qinhuangdao', 'Qinhuangdao'],
      ['1304', '邯郸市', 'handan', 'Handan'],
      ['1305', '邢台市', 'xingtai', 'Xingtai'],
      ['1306', '保定市', 'baoding', 'Baoding'],
      ['1307', '张家口市', 'zhangjiakou', 'Zhangjiakou'],
      ['1308', '承德市', 'chengde', 'Chengde'],
      ['1309', '沧州市', 'cangzhou', 'Cangzhou'],
      ['1310', '廊坊市', 'langfang', 'Langfang'],
      ['1311', '衡水市', 'hengshui', 'Hengshui'],
      ['1331', '雄安新区', 'xiongan', "Xiong'an"],
    ],
  },
};
