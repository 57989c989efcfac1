/**
 * The indicator rules as data: which measure words a figure may carry and which wording around it says
 * what it counts. A figure is read against its context `<words before>#<words after>` — the words between
 * the previous figure (or the clause start) and this one, `#` for the figure itself, then the words up to
 * the next figure (or the clause end), with quotation marks removed and trailing fillers (共计, 达到, 约 …) cut.
 *
 * In patterns, `#` is the figure and `…` stands for up to ten characters that are not a figure.
 * Rules are tried in order and the first match wins, so narrower readings come before broader ones
 * (公示行政处罚 before 行政处罚, 规范性文件 before 合法性审查).
 */
import type { IndicatorKey } from './catalog.ts';

export interface IndicatorRule {
  key: IndicatorKey;
  /** Normalized measure words the figure may carry (see numerals.ts). */
  measures: readonly string[];
  /** Wording around the figure; any one is enough. */
  around: readonly string[];
  /** Wording the whole sentence must contain, when the clause alone does not say it (为209名执法人员… after 培训). */
  sentence?: string;
  /** Wording in the context that rules this reading out: another thing counted, another scope. */
  not?: string;
  /** Wording earlier in the sentence that narrows the scope to one field (道路交通安全领域…). */
  notEarlier?: string;
}

export interface FixedPhraseRule {
  key: IndicatorKey;
  /** A phrase that states the value without a figure (零超期 → 0). */
  phrase: string;
  value: number;
}

const COUNT = ['件', '起', '宗', '个'] as const;
const ITEMS = ['项', '个', '条', '类', '种'] as const;
const SESSIONS = ['次', '场', '期', '轮', '场次'] as const;
const PERSONS = ['人', '名', '人次', '位'] as const;
const PERCENT = ['%'] as const;
const MONEY = ['元'] as const;

/** Scope words that make a count one field's only (a 领域, a 专项 campaign, one kind of case). */
const ONE_FIELD = '领域|专项|(?<!各)类案件|方面|涉企|简易程序|一般程序|普通程序|重大|其中';

const PENALTY_CASES_NOT = `${ONE_FIELD}|典型|不予|免|首违|轻微|公示|公开|评查|审核|审查|备案|复议|诉讼|应诉|信访|法律援助|刑事|移送|督办|交办|案卷|听证|调解`;

export const indicatorRules: readonly IndicatorRule[] = [
  // Rates. Their measure word (%) and wording are specific enough to go first.
  {
    key: 'legal_review_staff_ratio',
    measures: PERCENT,
    around: ['(法制|法治)审核[^#]{0,14}占[^#]{0,16}执法人员…#', '(法制|法治)审核人员(占比|比例|比重)…#', '^[^#]{0,6}占[^#]{0,10}执法人员…#'],
    sentence: '(法制|法治)审核',
  },
  {
    key: 'approval_time_compression',
    measures: PERCENT,
    around: ['(承诺|办理|审批|办结)?时(限|间)…(压缩|缩减|缩短|提速|减少)(了)?(比例|比率|率|幅度)?…#', '法定…(压缩|缩减|缩短|提速|优化)(了)?#'],
    sentence: '时限|时间|法定|承诺|审批|办理|办件',
    // 压缩至法定时限的20%: the remaining share, not the compression.
    not: '人员|群众|满意|(压缩|缩短|缩减|减少|优化)(至|到)',
  },
  {
    key: 'online_processing_rate',
    measures: PERCENT,
    around: ['(全程|全流程)?(网上|网|在线)办(理|结)?(率|比例)…#', '全程(网办|网上办理|在线办理|网上办)…#'],
    not: '可办|可网办|可在线|覆盖',
  },
  { key: 'rectification_rate', measures: PERCENT, around: ['整改(到位|完成|落实|完结|销号)?率…#', '(问题|隐患)…整改…率…#'] },
  {
    key: 'exam_pass_rate',
    measures: PERCENT,
    around: ['(合格率|通过率|及格率)…#', '(考试|考核)[^#]{0,6}(合格|通过)…#'],
    sentence: '学法|考试|考法|测试|法律知识|法治理论|普法|学习',
    not: '案卷|抽检|产品|质量|食品|药品|评查|工程|验收|水质|空气',
  },
  { key: 'mediation_success_rate', measures: PERCENT, around: ['(调解|调处)…成功率…#', '成功率…#'], sentence: '调解|调处' },
  { key: 'reconsideration_correction_rate', measures: PERCENT, around: ['纠错率…#'], sentence: '复议' },
  { key: 'reconsideration_settlement_rate', measures: PERCENT, around: ['调撤率…#', '复议…(调解|和解)(撤回|撤诉)?率…#'] },
  { key: 'substantive_resolution_rate', measures: PERCENT, around: ['实质(性)?化解率…#'] },
  { key: 'litigation_loss_rate', measures: PERCENT, around: ['败诉率…#'] },
  { key: 'head_appearance_rate', measures: PERCENT, around: ['出庭(应诉)?率…#'], sentence: '负责人|出庭应诉' },
  {
    key: 'petition_satisfaction',
    measures: PERCENT,
    around: ['满意(度|率)…#'],
    sentence: '信访|投诉|举报|诉求|热线|工单|纠纷|矛盾|来信|来访',
    not: '安全感|测评|指数|执法人员|干部|职工|营商|考核',
  },

  // Enforcement.
  {
    key: 'enterprise_penalty_filings',
    measures: COUNT,
    around: ['涉企…(处罚|案件)…(报备|备案)…#', '#(行政)?(处罚)?案件[^#]{0,8}(报备|备案)', '#涉企…(报备|备案)'],
    not: '规范性文件|合同',
  },
  { key: 'enterprise_penalty_filings', measures: COUNT, around: ['涉企…(处罚|案件)…#'], sentence: '报备|备案', not: '不予|免' },
  {
    key: 'penalties_published',
    measures: [...COUNT, '条'],
    around: [
      '(公示|公开)[^#]{0,8}(行政)?处罚(决定|案件|信息|结果)?…#',
      '(行政)?处罚(决定|案件|信息|结果)…(公示|公开)…#',
      '#(行政)?处罚(决定|案件|信息|结果)?[^#]{0,8}(公示|公开)',
      '(公示|公开)#(条|件)?(行政)?处罚(决定|案件|信息|结果)',
    ],
  },
  {
    key: 'legal_reviews',
    measures: [...COUNT, '份'],
    around: [
      '(法制|法治)(机构|部门|科|股|室|审核)…(审核|审查)…#',
      '(法制|法治)审核…#',
      '重大(行政)?执法决定…#',
      '(审核|审查)(了)?(重大)?(行政)?执法(案件|决定|案卷)…#',
      '#…重大(行政)?执法决定[^#]{0,8}(法制|法治)?审核',
      '(审核|审查)#(重大)?(行政)?执法(决定|案件|案卷)',
    ],
    not: '人员|目录|清单|率|规范性文件|合同|制度|流程',
  },
  {
    key: 'first_violation_exempt_items',
    measures: ITEMS,
    around: [
      '#…(首违不罚|轻微(违法)?(行为)?不罚|免罚|不予(行政)?处罚|免[于予](行政)?处罚|首违免罚|轻微免罚|包容免罚|不罚)…(事项)?(清单|目录)',
      '(首违不罚|免罚|不予(行政)?处罚|免[于予]处罚|轻微不罚)…(清单|目录|事项)…#',
    ],
    not: '案件|金额',
  },
  {
    key: 'discretion_benchmark_items',
    measures: ITEMS,
    around: ['#…(违法行为|处罚事项|事项|情形)…(裁量基准|裁量标准|裁量权基准|裁量阶次)', '(裁量基准|裁量标准|裁量权基准)…(细化|涵盖|涉及|包含|梳理|明确)…#', '(细化|制定)…(裁量基准|裁量标准)…#'],
    not: '法律法规|部门规章',
  },
  {
    // 细化行政处罚裁量基准，涵盖违法行为1260项: the benchmark named in the clause before.
    key: 'discretion_benchmark_items',
    measures: ITEMS,
    around: ['(涵盖|涉及|包含|细化|明确|覆盖)(了)?…(违法行为|违法情形|处罚事项|情形)…#'],
    sentence: '裁量(基准|标准|权基准)',
    not: '法律法规|部门规章|条款',
  },
  {
    key: 'random_inspection_items',
    measures: ITEMS,
    around: ['#…(检查|抽查)事项…(纳入|列入)…(抽查|随机|计划)', '(双随机|随机抽查)…(事项|清单)…#', '#…双随机…事项'],
  },
  {
    key: 'random_inspection_items',
    measures: ITEMS,
    around: ['抽查事项(清单|目录|库)?…#', '#…抽查事项'],
    sentence: '双随机|随机',
  },
  {
    key: 'non_penalty_cases',
    measures: [...COUNT, '家', '户'],
    around: [
      '(不予(行政)?处罚|免[于予]?(行政)?处罚|免罚|首违不罚|轻微不罚|首违免罚|轻微免罚|无过错不罚|不罚)…#',
      '#…(不予(行政)?处罚|免[于予]?(行政)?处罚|免罚|不罚)',
    ],
    not: '清单|事项|金额|目录',
  },
  {
    key: 'exempted_amount',
    measures: MONEY,
    around: ['(免罚|免[于予]?处罚|不予处罚|首违不罚|轻微不罚|减免)…(金额|罚款|罚没款|款项)…#', '(免罚|免[于予]处罚|不予处罚|减免罚款|首违不罚)…#'],
  },
  {
    key: 'penalty_amount',
    measures: MONEY,
    around: ['(罚没|罚款|罚金|处罚金额)…#'],
    not: `免|减免|不予|退还|${ONE_FIELD}`,
    notEarlier: '领域|专项|其中',
  },
  {
    key: 'case_file_reviews',
    measures: [...COUNT, '卷', '份', '本'],
    around: ['(评查|抽查|检查|审查)…案卷…#', '案卷(评查|抽查)…#', '#…案卷…(评查|抽查)', '(评查|抽查)#…案卷'],
    not: '优秀|合格|示范|率|不合格|问题',
  },
  {
    key: 'penalty_cases',
    measures: ['件', '起', '宗'],
    around: ['(行政)?处罚(案件|决定)…#', '(查处|立案|查办)…(案件|(违法|处罚|违章)案|违法(违规)?行为)…#', '#(行政)?处罚案件'],
    not: PENALTY_CASES_NOT,
    notEarlier: '领域|专项|其中',
  },
  {
    // 办理案件 alone may be legal aid or mediation: the sentence must be about penalties.
    key: 'penalty_cases',
    measures: ['件', '起', '宗'],
    around: ['(办理|办结|作出|受理)…(案件|(违法|处罚|违章)案)…#'],
    sentence: '处罚|违法|罚没|罚款|查处',
    not: PENALTY_CASES_NOT,
    notEarlier: '领域|专项|其中',
  },
  {
    key: 'persuasion_education',
    measures: ['人次', '次', '人', '起', '件', '户', '家'],
    around: ['(说服教育|批评教育|教育劝导|劝导教育|劝导|劝说|劝离|口头教育|警示教育)…#', '#…(说服教育|批评教育|教育劝导|劝导教育)'],
    not: '培训|干部|职工|党员',
  },
  {
    key: 'legal_aid_cases',
    measures: ['件', '起', '宗'],
    around: ['法律援助…#', '#…法律援助(案件|事项)'],
    not: '咨询|人次|值班|律师|工作站',
  },

  // Disputes and petitions.
  {
    key: 'disputes_mediated',
    measures: COUNT,
    around: ['(调解|调处|化解)…(纠纷|矛盾|案件)…#', '(纠纷|矛盾)…(调解|调处|化解)…#', '#…(纠纷|矛盾)[^#]{0,8}(调解|调处)(成功)?'],
    not: '信访|成功率|仲裁|复议|排查(?!化解|调处)|发现',
  },
  {
    key: 'disputes_mediated',
    measures: COUNT,
    around: ['(调解|调处)成功#', '成功(调解|调处)…#', '(调解|调处|化解)#…(纠纷|矛盾)'],
    sentence: '纠纷|矛盾',
    not: '信访|成功率|仲裁|复议',
  },
  {
    key: 'petitions_handled',
    measures: [...COUNT, '单', '条', '件次', '批次'],
    around: [
      '(办理|受理|处理|化解|办结|接收|接到|收到|处置|回复|答复|承办|接办|接待)…(信访|投诉|举报|诉求|工单|来信|来访|热线)…#',
      '(信访|投诉|举报|工单|诉求|来信来访)(件|案件|事项|事件|问题)?(数|量|总量|数量)?…#',
      '(办理|受理|处理|化解|办结|处置)#…(信访|投诉|举报|工单|诉求)',
    ],
    not: '满意|率|回访|复议|诉讼|法律援助|电话|信箱|平台|窗口|渠道|箱',
  },

  // Openness and legal education.
  {
    key: 'typical_cases',
    measures: ['例', '件', '个', '篇', '起', '宗'],
    around: ['(典型|指导性|示范|优秀)(案例|案件)…#', '#(典型|指导性|以案释法|优秀)(案例|案件)', '#(典型)?案例…(获评|入选|评为|被评|被采用|刊发)'],
    // 查处典型案件6起: cases investigated, not cases published as examples.
    not: '查处|查办|侦办|立案|办结',
  },
  {
    key: 'info_disclosed',
    measures: ['条', '件', '篇', '个'],
    around: ['(主动)?公开…(政府|政务)?信息…#', '主动公开…#', '#…(政府|政务)?信息…主动公开'],
    not: '依申请|申请公开|答复|处罚',
  },
  {
    key: 'materials_distributed',
    measures: ['份', '册', '本', '张'],
    around: ['(发放|派发|分发|赠送|散发|印制|印发|发送)…#'],
    sentence: '宣传|普法|法|资料|材料|手册',
    not: '文件|通知|通报|决定书|告知书|证件|证书|调查问卷|问卷',
  },
  {
    key: 'materials_distributed',
    measures: ['份', '册', '本', '张'],
    around: ['(资料|材料|手册|宣传单|宣传册|单页|读本|传单|宣传品|折页|彩页|明白纸)…#'],
    sentence: '宣传|普法|发放|派发|分发|赠送',
    not: '文件|通知|通报|决定书|告知书|证件|证书|问卷|会议|档案|申报|报送|审核|整理|收集',
  },
  {
    key: 'legal_consultations',
    measures: ['人次', '次', '人', '件', '条'],
    around: ['(法律)?咨询(服务)?…#', '解答…(咨询|问题|疑问)…#', '#…(法律)?咨询'],
    not: '律师事务所|顾问|专家|论证|咨询会',
  },
  {
    key: 'training_sessions',
    measures: [...SESSIONS, '班', '批', '批次'],
    around: ['(培训|轮训)(班|会|活动|课程)?…#', '#[^#]{0,8}(培训|轮训)'],
    not: '人次|参训率|考试|宣传|机构|检查|巡查|学校|演练',
  },
  { key: 'training_sessions', measures: ['期', '批', '批次'], around: ['分#'], sentence: '培训|轮训' },
  {
    key: 'law_study_sessions',
    measures: SESSIONS,
    around: [
      // Not 开学法治第一课 or 学法治思想: 学法 followed by 治 is 学 + 法治.
      '(专题学法|集中学法|会前学法|(?<![开入])学法(?!治)|中心组…学习|专题学习|集中学习|学习研讨|专题研讨)…#',
      '学习(贯彻)?…(习近平法治思想|法律法规|宪法|民法典)…#',
      '(开展|组织|举办)#(专题|集中|会前)?学法(?!治)',
    ],
    sentence: '法|中心组',
    not: '培训|宣传|考试|人次',
  },
  {
    key: 'publicity_events',
    measures: ['场', '次', '场次', '期'],
    around: [
      '(宣传|普法|宣讲|送法|法律进|法治进|以案释法)…(活动)?…#',
      '(法律|法治|普法|送法)(进|下乡|下基层)[^#]{0,40}活动…#',
      '(开展|举办|组织)#…(普法|法治宣传|法律宣传|法治宣讲|送法)',
    ],
    // 法 in the sentence: a 宣讲 of policy or a 宣传 campaign on other matters is not legal education.
    sentence: '法',
    not: '培训|学习|车|横幅|展板|发放|报道|推送|短信|浏览|阅读|覆盖|受众|人次|转发',
  },
  {
    key: 'trained_persons',
    measures: PERSONS,
    around: [
      '(参训|受训|参学|培训|轮训)(人员|人数|学员|干部|对象)?…#',
      '(参加|参与)…(培训|轮训)…#',
      '(为|对|组织)#(行政)?(执法|一线|基层)?(执法)?(人员|干部|职工|队员|骨干|学员)',
      '#…(参加|参与)…(培训|轮训)',
    ],
    sentence: '培训|轮训|参训|受训',
    not: '持证|考试|考核|合格|新增|招录|辅助|率|师资|教员|讲师|老师|教官|专家|考官',
  },
  {
    key: 'enforcement_officers',
    measures: ['人', '名'],
    around: [
      '(行政)?执法(人员|队员)(共|总数|总计|数量|人数)?(有|为|达)?#',
      '持(有)?(行政)?执法(证|证件)的?(人员|执法人员)?…#',
      '持证(上岗)?的?(行政)?执法(人员|队员)…#',
      '(现有|共有|拥有|有)#(持证)?(行政)?执法(人员|队员)',
      '#…(取得|考取|持有|领取|申领)…执法(资格|证)',
    ],
    not: '培训|轮训|参加|新增|新进|招录|招聘|法制|法治审核|审核|辅助|协管|协勤|巡逻|考试|参训|出动|人次',
  },
  {
    key: 'inspection_staff_trips',
    measures: ['人次'],
    around: ['出动…#', '#…出动'],
    not: '车|台|辆|宣传',
  },
  {
    key: 'inspection_staff_trips',
    measures: ['次', '人'],
    around: ['出动…(人次|人员|人力|队员|警力)…#'],
    not: '车|台|辆|宣传',
  },
  { key: 'inspection_staff_trips', measures: ['人次'], around: ['(人员|队员|人力|警力)#'], sentence: '出动', not: '车|台|辆|宣传|培训' },
  {
    key: 'inspections',
    // 检查企业320家次: each visit to a business is one inspection.
    measures: ['次', '轮', '遍', '场次', '家次', '户次'],
    around: ['(巡查|检查|巡检|巡逻|排查|督查|抽查)…#', '(开展|组织)#…(巡查|检查|巡检|巡逻)'],
    not: '出动|人次|考试|学习|演练|宣传|培训|案卷|发现|整改|接受|迎接|配合',
  },
  {
    key: 'issues_found',
    measures: [...COUNT, '处', '条', '项'],
    around: [
      '(发现|排查出|查出|查找|摸排出)…(问题|隐患|违法行为|违章|线索|风险点)…#',
      '(发现|排查出?|查出|查找)…#…(问题|隐患|违法行为|违章)',
      '排查(整治)?…隐患…#',
    ],
    not: '整改|销号|率|移交|转办',
  },

  // Services and approvals.
  {
    key: 'service_hall_items',
    measures: ['项', '件', '个'],
    around: ['#…(进驻|入驻)…(政务服务|便民服务|行政服务|市民服务|综合服务)?(大厅|中心)', '(进驻|入驻)…(大厅|中心)…(事项)?…#', '(大厅|中心)…(进驻|入驻)…事项…#'],
  },
  { key: 'one_thing_packages', measures: ['项', '个', '件', '类'], around: ['一件事…(套餐|场景|主题|集成服务)?…#', '#…一件事'] },
  {
    key: 'approvals_overdue',
    measures: ['件', '个'],
    around: ['超期(办件|办理|件|事项)?…#', '#…超期'],
    sentence: '审批|办件|政务服务|许可|申请',
    not: '率|整改|问题|隐患',
  },
  {
    key: 'approvals_handled',
    measures: ['件', '项', '宗', '个'],
    around: [
      '(审批|许可|政务服务|行政服务)…(事项|业务|申请|件|办件)…#',
      '(办理|受理|办结|审批)…(审批|许可)…#',
      '办件(量)?…#',
      '#…(审批|许可)(事项|申请|件)…(办结|办理)',
      '(办理|受理|办结)#…(审批|许可)(事项|申请|业务)',
    ],
    not: '清单|目录|权责|下放|赋权|取消|精简|梳理|进驻|入驻|划转|公布|编制|认领|调整|标准化|备案|一件事|承诺|减少|压缩|即办|超期|事项库|可办|网办|一网通办|跑一次|零跑|全部实现|覆盖',
    notEarlier: '其中',
  },

  // Rules and decisions.
  {
    key: 'normative_docs_in_force',
    measures: ['件', '个', '份'],
    around: ['现行有效的?#(行政)?规范性文件', '现行有效的?…规范性文件…#', '规范性文件…现行有效…#'],
  },
  {
    // 清理规范性文件56件，保留41件: the documents kept after a clean-up are those in force.
    key: 'normative_docs_in_force',
    measures: ['件', '个', '份'],
    around: ['(保留|继续有效|继续施行|继续执行|继续适用)(的)?(行政)?(规范性文件)?…#', '(保留|继续有效)#…规范性文件', '#…规范性文件…(保留|继续有效|继续施行)'],
    sentence: '规范性文件',
    not: '废止|修改|修订|失效|宣布|拟',
  },
  {
    key: 'normative_docs_filed',
    measures: ['件', '个', '份'],
    around: ['(报备|备案|报送备案)…规范性文件…#', '规范性文件…(报备|备案)…#', '#(行政)?规范性文件[^#]{0,8}(报备|备案)', '(报备|备案)#…规范性文件'],
    not: '(?<!备案)(审核|审查)|清理|废止|修改|失效|现行有效',
  },
  {
    // 制定规范性文件3件，完成3件备案: the clause names the filing, the sentence the documents.
    key: 'normative_docs_filed',
    measures: ['件', '个', '份'],
    around: ['(完成|报送|报请|提交|办理)?(报备|备案)…#', '(完成|报送|报请|提交|办理)#…(报备|备案)'],
    sentence: '规范性文件',
    not: '率|涉企|案件|处罚|合同|审核|审查',
  },
  {
    // 制定规范性文件6件，均报县政府备案: every document made was filed.
    key: 'normative_docs_filed',
    measures: ['件', '个', '份'],
    around: ['(制定|出台|印发|发布)…规范性文件…#', '(制定|出台|印发|发布)#…规范性文件'],
    sentence: '(均|全部|全数|一律)[^，。,；;]{0,12}(报备|备案)',
    not: '废止|清理|修改|率',
  },
  {
    key: 'normative_docs_reviewed',
    measures: ['件', '个', '份'],
    around: ['(审核|审查)…规范性文件…#', '规范性文件…(审核|审查)…#', '#(行政)?规范性文件[^#]{0,8}(合法性)?(审核|审查)', '(审核|审查)#…规范性文件'],
    // 拟出台的规范性文件: drafts are what is reviewed; documents made or issued are another count.
    not: '备案|报备|清理|废止|现行有效|(?<!拟)(制定|出台|印发|发布)',
  },
  {
    key: 'major_decisions',
    measures: ['项', '件', '个'],
    around: ['重大(行政)?决策(事项)?(目录)?…#', '#…重大(行政)?决策'],
    // 审查12份合同、4项重大决策: decisions reviewed for legality are reviews, not the year's catalog.
    not: '程序|制度|规定|(审查|审核)[^\u0001]{0,12}\u0001',
  },
  {
    key: 'legality_reviews',
    measures: ['件', '份', '项', '个'],
    around: ['合法性(审查|审核)…#', '#…合法性(审查|审核)', '(审查|审核)…(合同|协议)…#', '(审查|审核)#…(合同|协议)'],
    not: '规范性文件|率|人员|制度',
  },
];

export const fixedPhraseRules: readonly FixedPhraseRule[] = [
  { key: 'approvals_overdue', phrase: '零超期|超期办件(为|是)?零|无超期(办件)?|未(发生|出现)(一件|一起)?超期', value: 0 },
  // 行政诉讼零败诉: no case lost, a loss rate of 0 %.
  { key: 'litigation_loss_rate', phrase: '(行政诉讼|行政应诉|诉讼案件)[^，。,；;]{0,8}(零败诉|无败诉|未(发生|出现)(一起|一件)?败诉)', value: 0 },
];

export interface CompiledRule {
  rule: IndicatorRule;
  measures: ReadonlySet<string>;
  around: readonly RegExp[];
  sentence: RegExp | null;
  not: RegExp | null;
  notEarlier: RegExp | null;
}

/** The figure marker inside a context; a control character so it never occurs in report text. */
export const FIGURE_MARK = '\u0001';

function compilePattern(pattern: string): RegExp {
  return new RegExp(pattern.replace(/…/g, `[^${FIGURE_MARK}]{0,10}`).replace(/\[\^#\]/g, `[^${FIGURE_MARK}]`).replace(/#/g, FIGURE_MARK));
}

export function compileRules(rules: readonly IndicatorRule[]): CompiledRule[] {
  return rules.map((rule) => ({
    rule,
    measures: new Set(rule.measures),
    around: rule.around.map(compilePattern),
    sentence: rule.sentence ? new RegExp(rule.sentence) : null,
    not: rule.not ? new RegExp(rule.not) : null,
    notEarlier: rule.notEarlier ? new RegExp(rule.notEarlier) : null,
  }));
}
