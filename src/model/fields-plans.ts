// Statistics fields for the indicators the two plans set beyond the national seven (issue 14, "Missing"). They are
// entries of the one field catalogue (`STATISTICS_FIELDS` spreads them in, after the older fields, so sheet order
// and every derived place stay as CONTRIBUTING.md describes); they live here only to keep fields.ts small.

const PERSONS = { zh: '人', en: 'persons' } as const;
const REVIEWS = { zh: '条', en: 'reviews' } as const;

/** The plan-text fields, with their literal types (spread into the catalogue). */
export const PLAN_TEXT_FIELDS = {
  /** 群众满意度调查受访人数 (Beijing 四(十三)): the denominator of the satisfaction rate. */
  surveyRespondents: {
    kind: 'count',
    label: { zh: '满意度调查受访人数', en: 'satisfaction survey respondents' },
    unit: PERSONS,
    aliases: ['受访人数', '调查人数', '满意度调查人数'],
    max: 2_000,
  },
  /** 满意人数 of the 群众满意度调查 (not above `surveyRespondents`). */
  satisfiedRespondents: {
    kind: 'count',
    label: { zh: '满意人数', en: 'respondents satisfied' },
    unit: PERSONS,
    aliases: ['满意度调查满意人数', '表示满意人数'],
    notAbove: {
      field: 'surveyRespondents',
      message: { zh: '满意人数多于受访人数', en: 'More respondents satisfied than asked' },
    },
  },
  /** 好差评 评价数 (Beijing 四(十三)): reviews received by the unit's services. */
  serviceReviews: {
    kind: 'count',
    label: { zh: '好差评评价数', en: 'service reviews' },
    unit: REVIEWS,
    aliases: ['评价数', '评价总数', '好差评总数'],
    max: 5_000,
  },
  /** 好评数: reviews rated 非常满意, 满意 or 基本满意 (not above `serviceReviews`). */
  positiveReviews: {
    kind: 'count',
    label: { zh: '好评数', en: 'positive reviews' },
    unit: REVIEWS,
    aliases: ['好评', '好评条数'],
    notAbove: {
      field: 'serviceReviews',
      message: { zh: '好评数多于评价数', en: 'More positive reviews than reviews' },
    },
  },
  /** 助餐服务、生活照料等日间照料服务 in the community (Hebei 三(二)1). */
  daytimeCare: {
    kind: 'flag',
    label: { zh: '日间照料服务', en: 'daytime care (meals, personal care)' },
    aliases: ['是否有日间照料服务', '日间照料', '助餐服务'],
    appliesTo: ['community'],
  },
  /**
   * 社会工作服务站 serving the unit: in the unit or at its 乡镇（街道） (Hebei 专栏1 第2项). The plan sets the stations
   * at township level; until township rows exist, each unit row says whether a station serves it.
   */
  socialWorkStation: {
    kind: 'flag',
    // Not 社会工作服务站 or 社工站 alone: those name the township row's own station (hasSocialWorkStation).
    label: { zh: '是否有社会工作服务站服务', en: 'served by a social work station' },
    aliases: ['是否有社会工作服务站', '社会工作服务站服务', '社会工作服务站覆盖', '社工站服务'],
  },
  /** 志愿服务站点 in the unit's 综合服务设施 (Hebei 专栏1 第3项). */
  volunteerStation: {
    kind: 'flag',
    label: { zh: '志愿服务站点', en: 'volunteer station' },
    aliases: ['是否建立志愿服务站点', '志愿服务站'],
  },
  /** 村（居）法律顾问 (Hebei 一, 专栏 第12项). */
  hasLegalAdviser: {
    kind: 'flag',
    label: { zh: '是否配备法律顾问', en: 'has a legal adviser' },
    aliases: ['法律顾问', '村（居）法律顾问'],
  },
  /** 行政村通宽带 (Hebei 专栏4 第1项: 未通宽带行政村动态清零). */
  hasBroadband: {
    kind: 'flag',
    label: { zh: '通宽带', en: 'broadband' },
    aliases: ['是否通宽带', '宽带'],
    appliesTo: ['village'],
  },
  /** 社会工作专业人才人数 (Beijing 一(一): 3.63万 in 2020). */
  socialWorkers: {
    kind: 'count',
    label: { zh: '社会工作专业人才人数', en: 'social work professionals' },
    unit: PERSONS,
    aliases: ['社会工作专业人才', '社工人数', '持证社工人数'],
    max: 30,
  },
  /** 基本便民商业网点 (蔬菜零售、便利店、早餐、美容美发、便民维修、家政) all reach the unit (Beijing 三(九)). */
  basicCommerce: {
    kind: 'flag',
    label: { zh: '基本便民商业网点全覆盖', en: 'basic convenience outlets' },
    aliases: ['基本便民商业网点', '便民商业网点'],
  },
} as const;
