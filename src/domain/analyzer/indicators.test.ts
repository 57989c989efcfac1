import { describe, expect, it } from 'vitest';
import { indicatorCatalog } from './catalog.ts';
import { extractIndicators, speaksOfAnotherYear } from './indicators.ts';
import { normalizeForMatching } from './text.ts';

/** The (key=value) pairs read from a text of a 2023 report. */
function read(text: string, reportYear = 2023): string[] {
  return extractIndicators(text, normalizeForMatching(text), { reportYear }).map((m) => `${m.key}=${String(m.value)}`);
}

/** Sentences worded as real reports word them, each with every figure it should yield (and nothing else). */
const positives: ReadonlyArray<readonly [string, string[]]> = [
  // 组织领导与学法
  ['今年以来，局党组组织专题学法5次。', ['law_study_sessions=5']],
  ['开展理论学习中心组等专题学习12次，对习近平法治思想宣传、宣讲100余次。', ['law_study_sessions=12', 'publicity_events=100']],
  ['县政府常务会议会前学法12次。', ['law_study_sessions=12']],
  ['组织以案释法学习培训3次，参训人员300余人次。', ['training_sessions=3', 'trained_persons=300']],
  ['全年举办执法人员业务培训班，分6期进行。', ['training_sessions=6']],
  ['举办素质提升培训活动，为209名执法人员集中“充电蓄能”。', ['trained_persons=209']],
  ['14个分课堂3批次轮训执法队员5166名。', ['training_sessions=3', 'trained_persons=5166']],
  ['组织干部职工参加学法考试，学习率、参考率、合格率实现三个100%。', ['exam_pass_rate=100']],
  ['组织全县1235名国家工作人员参加网上学法考试，合格率99.8%。', ['exam_pass_rate=99.8']],
  // 政务服务
  ['全年共办理审批事项127件。', ['approvals_handled=127']],
  ['优化审批服务许可事项1221项，其中户外招牌设置备案事项973件，公园内活动审批事项64件。', ['approvals_handled=1221']],
  ['政务服务事项承诺时限压缩比例80.75%，全程网办率100%。', ['approval_time_compression=80.75', 'online_processing_rate=100']],
  ['审批事项承诺办理时限在法定基础上优化了80.5%。', ['approval_time_compression=80.5']],
  ['全年所有审批事项实现零超期。', ['approvals_overdue=0']],
  ['156件依申请办理事项入驻政务服务大厅。', ['service_hall_items=156']],
  ['推出60项“一件事”套餐，实现一次告知、一表申请。', ['one_thing_packages=60']],
  // 制度建设与决策
  ['全年审核县政府规范性文件14件，向县人大常委会报备规范性文件14件。', ['normative_docs_reviewed=14', 'normative_docs_filed=14']],
  ['将现行有效的122件行政规范性文件全部录入数据库。', ['normative_docs_in_force=122']],
  ['开展规范性文件清理，现行有效的县政府规范性文件共计96件。', ['normative_docs_in_force=96']],
  ['备案审查规范性文件18件。', ['normative_docs_filed=18']],
  ['将6项重大行政决策纳入年度目录管理。', ['major_decisions=6']],
  ['制定并公布2023年度重大行政决策事项目录，共5项。', ['major_decisions=5']],
  ['全年开展合法性审查45件，审查各类合同协议86份。', ['legality_reviews=45', 'legality_reviews=86']],
  // 行政执法
  ['全年共办理行政处罚案件1380件，罚没款356.2万元。', ['penalty_cases=1380', 'penalty_amount=3562000']],
  ['全年共立案查处各类违法案件二百三十六件。', ['penalty_cases=236']],
  ['2023年我局法制机构共审核执法案件232件。', ['legal_reviews=232']],
  ['重大执法决定法制审核42件。', ['legal_reviews=42']],
  ['通过政府网站公示相关信息4件，公示行政处罚60件。', ['penalties_published=60']],
  ['2023年共开展“说服教育”8000余人次，轻微违法行为免于处罚案件3600余件。', ['persuasion_education=8000', 'non_penalty_cases=3600']],
  ['对首次轻微违法行为作出不予处罚决定1件。', ['non_penalty_cases=1']],
  ['落实“首违不罚”制度，对786件轻微违法行为依法不予处罚，免罚金额152.6万元。', ['non_penalty_cases=786', 'exempted_amount=1526000']],
  ['免罚金额共计78万余元。', ['exempted_amount=780000']],
  ['组织开展行政执法案卷评查，共评查案卷260卷。', ['case_file_reviews=260']],
  ['昌元街道有重大执法决定法治审核人员3人，执法人员59人，负责法治审核的人员占本单位执法人员总数的5.08%。', ['enforcement_officers=59', 'legal_review_staff_ratio=5.08']],
  ['全县现有行政执法人员1386名，全部持证上岗。', ['enforcement_officers=1386']],
  ['一线工作人员59名主动考取了执法资格。', ['enforcement_officers=59']],
  ['2023年共巡查9353次，出动人次26802次，共发现各类问题28791件，均全部落实整改，整改到位率100%。', ['inspections=9353', 'inspection_staff_trips=26802', 'issues_found=28791', 'rectification_rate=100']],
  ['出动执法车辆320台次，执法人员1860人次。', ['inspection_staff_trips=1860']],
  ['7个检查事项全部纳入监管抽查计划。', ['random_inspection_items=7']],
  ['深入推进“双随机、一公开”监管，制定抽查事项清单127项，开展联合抽查85次。', ['random_inspection_items=127', 'inspections=85']],
  ['发布两批135项综合执法“首违不罚”清单。', ['first_violation_exempt_items=135']],
  ['对9个领域410项常见违法行为细化了裁量基准。', ['discretion_benchmark_items=410']],
  ['21件行政处罚案件均严格落实备案。', ['enterprise_penalty_filings=21']],
  ['全年办理涉企行政处罚案件105件，均按规定报区司法局备案审查。', ['enterprise_penalty_filings=105']],
  // 矛盾纠纷化解
  ['2023年办理化解各类信访件645件，群众满意度90%。', ['petitions_handled=645', 'petition_satisfaction=90']],
  ['全年共受理投诉举报3568件，办结率100%。', ['petitions_handled=3568']],
  ['今年共调解各类纠纷300余件。', ['disputes_mediated=300']],
  ['全镇共排查矛盾纠纷320件，调解成功315件，调解成功率98.4%。', ['disputes_mediated=315', 'mediation_success_rate=98.4']],
  ['开展校园安全隐患排查12次，排查隐患236处，已全部整改。', ['inspections=12', 'issues_found=236']],
  ['全区人民调解组织共调解各类矛盾纠纷5263件，调解成功率99.64%。', ['disputes_mediated=5263', 'mediation_success_rate=99.64']],
  ['全年审结行政复议案件165件，直接纠错率18.8%，调撤率27.3%。', ['reconsideration_correction_rate=18.8', 'reconsideration_settlement_rate=27.3']],
  ['行政争议实质性化解率94%。', ['substantive_resolution_rate=94']],
  ['一审行政诉讼案件245件，败诉率为4.42%，行政机关负责人出庭应诉率100%。', ['litigation_loss_rate=4.42', 'head_appearance_rate=100']],
  ['全区共办结法律援助案件1092件，提供法律咨询服务1.8万余人次。', ['legal_aid_cases=1092', 'legal_consultations=18000']],
  // 政务公开与普法
  ['2021年在政府网站主动公开信息157条。', ['info_disclosed=157'] /* a 2021 report, see below */],
  ['2023年共开展法律法规宣传160场(次)，发放各类宣传材料近15万份，累计悬挂横幅2000条。', ['publicity_events=160', 'materials_distributed=150000']],
  ['发放手册等5000余份，提供法律咨询服务2000余人次。', ['materials_distributed=5000', 'legal_consultations=2000']],
  ['组织“法律进机关、进乡村、进社区、进学校、进企业”活动260余场次。', ['publicity_events=260']],
  ['2023年，我局向市局报送典型案例2例。', ['typical_cases=2']],
];

/** The same figures written with the number before what it counts. */
const numberFirst: ReadonlyArray<readonly [string, string[]]> = [
  ['开展120场普法宣传活动。', ['publicity_events=120']],
  ['开展120次执法检查。', ['inspections=120']],
  ['成功调解120起矛盾纠纷。', ['disputes_mediated=120']],
  ['办理120件信访事项。', ['petitions_handled=120']],
  ['办理1200件审批事项。', ['approvals_handled=1200']],
  ['审核12件规范性文件。', ['normative_docs_reviewed=12']],
  ['报备5件规范性文件。', ['normative_docs_filed=5']],
  ['审查56份合同。', ['legality_reviews=56']],
  ['对120人次进行说服教育。', ['persuasion_education=120']],
  ['开展12次专题学法。', ['law_study_sessions=12']],
  ['组织1200余名执法人员参加执法资格培训。', ['trained_persons=1200']],
  ['办结法律援助案件1092件，解答120人次法律咨询。', ['legal_aid_cases=1092', 'legal_consultations=120']],
];

describe('extractIndicators: what each sentence yields', () => {
  it.each(numberFirst)('%s', (sentence, expected) => {
    expect(read(sentence)).toEqual(expected);
  });

  it.each(positives)('%s', (sentence, expected) => {
    const year = sentence.startsWith('2021年') ? 2021 : 2023;
    expect(read(sentence, year)).toEqual(expected);
  });

  it('has a realistic positive sentence for every catalog key', () => {
    const covered = new Set(positives.flatMap(([, pairs]) => pairs.map((pair) => pair.split('=')[0])));
    expect(indicatorCatalog.map((entry) => entry.key).filter((key) => !covered.has(key))).toEqual([]);
  });
});

/** Figures that must not be read: other years, comparisons, narrower scope, targets, unclear meaning. */
const negatives: ReadonlyArray<readonly [string, string, string[]]> = [
  ['another year', '2022年共办理行政处罚案件1200件，罚没款86万元。', []],
  ['another year', '2022年行政复议纠错率为12.1%。', []],
  ['another year', '上年组织专题学法4次。', []],
  ['another year', '去年发放宣传资料3万份。', []],
  ['several years', '近三年来累计办理案件3000件。', []],
  ['several years', '自2019年以来累计发放宣传资料10万份。', []],
  ['a comparison (同比)', '办理行政处罚案件1380件，同比增长15%。', ['penalty_cases=1380']],
  ['a comparison (比上年)', '办理行政处罚案件1380件，比上年增加180件。', ['penalty_cases=1380']],
  ['a comparison (较上年)', '罚没款1865.3万元，较上年下降8.2%。', ['penalty_amount=18653000']],
  ['a change in points', '败诉率同比下降2.3个百分点。', []],
  ['a change', '群众满意度提高了5%。', []],
  ['one field only', '共办理道路交通安全领域案件共127件，共收缴罚款11.26万元。', []],
  ['one field only', '其中，市场监管领域办理案件1021件。', []],
  ['a breakdown of a total', '共办理行政处罚案件3256件。其中，查处食品安全案件89件，罚没款156万元。', ['penalty_cases=3256']],
  ['a breakdown of approvals', '受理审批事项500件，其中审批事项64件。', ['approvals_handled=500']],
  ['a target', '力争全年培训执法人员500人次。', []],
  ['a target', '预计全年办理案件1500件。', []],
  ['next year', '2024年计划开展普法宣传活动20场。', []],
  ['a range', '每季度开展培训3至5次。', []],
  ['a list whose items are unclear', '分别办理案件12件、15件。', []],
  ['publishing is not proactive disclosure', '街道全年在政务新媒体发布信息111条。', []],
  ['an award is not the officer count', '选树12名行政执法“优秀教员”。', []],
  ['a screening is not mediation', '共排查矛盾纠纷4256件。', []],
  ['people under control are not trainees', '依法对200多名重点人员进行管控，滚动排查近100万人次。', []],
  ['new officers are not all officers', '今年新增执法人员35名。', []],
  ['a share of the statutory time is not the compression', '承诺办结时限压缩至法定时限的20%以内。', []],
  ['items that can be handled online are not applications', '政务服务事项386项全部实现网上可办。', []],
  ['a list of powers is not applications', '梳理公布县级行政许可事项清单共计186项。', []],
  ['proposals are not penalty cases', '办理人大代表建议和政协提案45件。', []],
  ['non-tax revenue is not fines', '收缴各类非税收入1.2亿元。', []],
  ['meeting papers are not leaflets', '准备会议材料30份。', []],
  ['service satisfaction is not petitioner satisfaction', '全年受理各类办件23.6万件，群众满意率99.9%。', ['approvals_handled=236000']],
  ['a case-file pass rate is not an exam pass rate', '案卷评查合格率95%。', []],
  ['a heading number', '3.持续加大道路交通安全执法力度。', []],
  ['being inspected is not inspecting', '接受上级检查5次。', []],
  ['trainers are not trainees', '选聘培训师资12名。', []],
  ['expert consultation is not legal consultation', '组织专家咨询论证3次。', []],
  ['a policy lecture is not legal education', '开展党的二十大精神宣讲12场。', []],
  ['gifts are not leaflets', '发放慰问品300份。', []],
  ['a hotline number is not a petition', '设立投诉举报电话3个。', []],
  ['cases alone may be any kind of case', '今年1至11月办理案件560件。', []],
  ['学法 inside 开学法治 is not a study session', '开展“开学法治第一课”活动156场次。', []],
  ['an inspection of training schools is not a training', '开展校外培训机构检查8次。', []],
  ['a campaign earlier in the sentence narrows the scope', '开展违建专项整治，查处违法建设46处，办理行政处罚案件28件。', []],
  ['school counts are not indicators', '全县共有中小学156所，在校学生8.6万人，教职工6523人。', []],
  ['being a word, 为 is not a filler', '查处各类违法行为1256起。', ['penalty_cases=1256']],
  ['book titles', '学习《法治政府建设实施纲要（2021—2025年）》等文件。', []],
];

describe('extractIndicators: figures left out', () => {
  it.each(negatives)('%s: %s', (_why, sentence, expected) => {
    expect(read(sentence)).toEqual(expected);
  });
});

/** For every key, a sentence worded like it whose figure is not its value this year: [key, why, sentence, what it yields]. */
const notThisKey: ReadonlyArray<readonly [string, string, string, string[]]> = [
  ['law_study_sessions', 'another year', '2022年组织专题学法4次。', []],
  ['training_sessions', 'a comparison', '较上年多举办培训班2期。', []],
  ['trained_persons', 'another year', '上年培训执法人员1200人次。', []],
  ['exam_pass_rate', 'another year', '2022年学法考试合格率为98%。', []],
  ['approvals_handled', 'a change', '受理审批事项同比增加1200件。', []],
  ['approval_time_compression', 'unclear meaning', '承诺办结时限压缩至法定时限的20%以内。', []],
  ['online_processing_rate', 'narrower: items that can be handled online', '政务服务事项网上可办率100%。', []],
  ['approvals_overdue', 'a target', '力争实现零超期。', []],
  ['service_hall_items', 'another year', '2022年进驻政务服务中心事项1200项。', []],
  ['one_thing_packages', 'another year', '上年推出“一件事”套餐30项。', []],
  ['normative_docs_reviewed', 'another thing counted', '清理规范性文件126件，废止12件。', []],
  ['normative_docs_in_force', 'another year', '2021年底现行有效的规范性文件共计80件。', []],
  ['normative_docs_filed', 'a rate, not a count', '规范性文件报备率100%。', []],
  ['major_decisions', 'another year', '2022年重大行政决策事项目录共4项。', []],
  ['legality_reviews', 'a rate, not a count', '合法性审查率达100%。', []],
  ['penalty_cases', 'narrower scope', '共办理道路交通安全领域案件共127件。', []],
  ['penalty_amount', 'a comparison', '罚没款较上年减少56万元。', []],
  ['legal_reviews', 'a rate, not a count', '重大执法决定法制审核率100%。', []],
  ['penalties_published', 'another year', '2022年公示行政处罚决定50件。', []],
  ['non_penalty_cases', 'list items, not cases', '发布不予处罚事项清单56项。', ['first_violation_exempt_items=56']],
  ['exempted_amount', 'another year', '上年免罚金额共计50万元。', []],
  ['persuasion_education', 'a target', '预计全年说服教育5000人次。', []],
  ['case_file_reviews', 'a rate, not a count', '案卷评查优秀率35%。', []],
  ['enforcement_officers', 'narrower: new officers only', '今年新增执法人员35名。', []],
  ['legal_review_staff_ratio', 'a change in points', '法制审核人员占比较上年提高1.2个百分点。', []],
  ['inspections', 'being inspected', '接受上级检查5次。', []],
  ['inspection_staff_trips', 'vehicles, not people', '出动执法车辆320台次。', []],
  ['issues_found', 'rectified, not found', '已整改问题56个。', []],
  ['rectification_rate', 'another year', '2022年整改到位率为95%。', []],
  ['random_inspection_items', 'businesses inspected, not items', '随机抽查市场主体856户。', []],
  ['first_violation_exempt_items', 'cases, not list items', '对12件首违不罚案件进行回访。', ['non_penalty_cases=12']],
  ['discretion_benchmark_items', 'laws, not violations', '对赋权事项涉及的7部法律法规和自由裁量标准整理成册。', []],
  ['enterprise_penalty_filings', 'another year', '2022年涉企行政处罚案件30件，均已备案。', []],
  ['petitions_handled', 'another year', '上年受理信访件102件。', []],
  ['petition_satisfaction', 'another satisfaction', '营商环境满意度95%。', []],
  ['disputes_mediated', 'screened, not mediated', '共排查矛盾纠纷4256件。', []],
  ['mediation_success_rate', 'another year', '2022年调解成功率98%。', []],
  ['reconsideration_correction_rate', 'a change', '行政复议纠错率同比下降5%。', []],
  ['reconsideration_settlement_rate', 'another year', '上年行政复议调撤率30%。', []],
  ['substantive_resolution_rate', 'a target', '力争行政争议实质性化解率达到95%。', []],
  ['litigation_loss_rate', 'a change in points', '败诉率同比下降2.3个百分点。', []],
  ['head_appearance_rate', 'another year', '2022年负责人出庭应诉率为85%。', []],
  ['legal_aid_cases', 'consultations, not cases', '提供法律援助咨询1200人次。', ['legal_consultations=1200']],
  ['info_disclosed', 'on request, not proactive', '办理依申请公开政府信息23件。', []],
  ['publicity_events', 'not legal education', '开展党的二十大精神宣讲12场。', []],
  ['materials_distributed', 'gifts, not leaflets', '发放慰问品300份。', []],
  ['legal_consultations', 'expert advice, not consultations given', '组织专家咨询论证3次。', []],
  ['typical_cases', 'another year', '2022年报送典型案例5例。', []],
];

describe('extractIndicators: a look-alike for every key', () => {
  it.each(notThisKey)('%s (%s): %s', (key, _why, sentence, expected) => {
    const pairs = read(sentence);
    expect(pairs).toEqual(expected);
    expect(pairs.some((pair) => pair.startsWith(`${key}=`))).toBe(false);
  });

  it('covers every catalog key', () => {
    const covered = new Set(notThisKey.map(([key]) => key));
    expect(indicatorCatalog.map((entry) => entry.key).filter((key) => !covered.has(key))).toEqual([]);
  });
});

describe('extractIndicators: evidence', () => {
  it('gives the sentence and its offset in the original text', () => {
    const text = '一、主要举措\n全年共巡查９３５３次。2023年我局法制机构共审核执法案件232件。';
    const [first, second] = extractIndicators(text, normalizeForMatching(text), { reportYear: 2023 });
    expect(first).toMatchObject({ key: 'inspections', value: 9353, unit: '次', approx: false, text: '全年共巡查９３５３次。' });
    expect(second).toMatchObject({ key: 'legal_reviews', value: 232, unit: '件', text: '2023年我局法制机构共审核执法案件232件。' });
    for (const mention of [first, second]) {
      expect(mention && text.slice(mention.start, mention.start + mention.text.length)).toBe(mention?.text);
    }
  });

  it('flags approximate figures', () => {
    const [mention] = extractIndicators('发放各类宣传材料近15万份。', normalizeForMatching('发放各类宣传材料近15万份。'), { reportYear: 2023 });
    expect(mention).toMatchObject({ value: 150000, approx: true, unit: '份' });
  });

  it('skips ranges it is told to skip (the plan for next year)', () => {
    const text = '四、2024年工作打算\n开展执法培训8期。';
    expect(extractIndicators(text, normalizeForMatching(text), { reportYear: 2023, skip: [{ start: 0, end: text.length }] })).toEqual([]);
  });
});

describe('speaksOfAnotherYear', () => {
  it.each([
    ['2023年，我局', false],
    ['2022年，我局', true],
    ['上年同期', true],
    ['2022年以来，今年', false],
    ['较2022年', false],
    ['根据《2021—2025年规划》', false],
    ['二〇二二年', true],
  ])('%s → %s', (before, other) => {
    expect(speaksOfAnotherYear(before, 2023)).toBe(other);
  });
});

/**
 * Issue 19 item 6, one group per kind of miss, with sentences written for these tests. Each group also holds
 * look-alikes that must keep yielding nothing (or only what they say).
 */
describe('extractIndicators: lists giving several figures for one indicator', () => {
  it.each([
    ['对28份文件、9份合同进行了合法性审查。', ['legality_reviews=28', 'legality_reviews=9']],
    ['全年对52份文件、11份协议开展合法性审核。', ['legality_reviews=52', 'legality_reviews=11']],
    ['审查行政合同33份、规范性文件12件。', ['legality_reviews=33', 'normative_docs_reviewed=12']],
    ['对41份规范性文件、17份合同进行了合法性审查。', ['normative_docs_reviewed=41', 'legality_reviews=17']],
    // Each item keeps its own noun: the words after one figure belong to the next item, not to it.
    ['办理行政处罚案件120件、信访件45件。', ['penalty_cases=120', 'petitions_handled=45']],
    ['开展专题学法6次、执法培训3期。', ['law_study_sessions=6', 'training_sessions=3']],
    ['开展6次专题学法、3期执法培训。', ['law_study_sessions=6', 'training_sessions=3']],
  ] as const)('%s', (sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });

  it.each([
    ['decisions reviewed for legality are not the decision catalog', '审查12份合同、4项重大决策。', ['legality_reviews=12']],
    ['a list of another year', '2023年对20份文件、6份合同进行了合法性审查。', []],
    ['a list whose items are split by 分别', '分别审查合同12份、协议5份。', []],
    ['a list of documents cleaned up, not reviewed', '对28份文件、9份合同进行了清理。', []],
  ] as const)('%s: %s', (_why, sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });
});

describe('extractIndicators: other units of count (起, 场次, 人次, 期, 家次, 批次)', () => {
  it.each([
    ['向省厅报送执法典型案例6起。', ['typical_cases=6']],
    ['对辖区餐饮企业检查320家次。', ['inspections=320']],
    ['全年开展联合执法检查85场次。', ['inspections=85']],
    ['全年接待群众来访46批次。', ['petitions_handled=46']],
    ['开展法治宣传进社区活动35场次。', ['publicity_events=35']],
    ['组织网格员法治培训6场次，培训620人次。', ['training_sessions=6', 'trained_persons=620']],
    ['局党组开展专题学法4期。', ['law_study_sessions=4']],
    ['调处邻里矛盾纠纷63起。', ['disputes_mediated=63']],
  ] as const)('%s', (sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });

  it.each([
    ['vehicles sent out are not inspections', '出动执法车辆210车次。', []],
    ['businesses registered are not inspections', '新登记市场主体1260户。', []],
    ['visitors received for consultation are not petitions', '接待群众法律咨询46批次。', []],
    ['prominent cases investigated are neither typical cases published nor all penalty cases', '查处典型案件6起。', []],
    ['visits to businesses are not inspections', '走访企业320家次。', []],
    ['delegations received are not petitions', '接待外地考察团12批次。', []],
  ] as const)('%s: %s', (_why, sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });
});

describe('extractIndicators: normative documents kept in force or filed for record', () => {
  it.each([
    ['开展规范性文件清理，清理56件，保留41件，废止9件。', ['normative_docs_in_force=41']],
    ['保留县政府规范性文件38件。', ['normative_docs_in_force=38']],
    ['经清理，继续有效的行政规范性文件27件。', ['normative_docs_in_force=27']],
    ['全年制定规范性文件3件，完成3件备案。', ['normative_docs_filed=3']],
    ['制定行政规范性文件6件，均按时报县人大常委会备案。', ['normative_docs_filed=6']],
  ] as const)('%s', (sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });

  it.each([
    ['documents made but not said to be filed', '全年制定行政规范性文件6件。', []],
    ['contracts filed are not normative documents', '签订政府合同12份，均已备案。', []],
    ['documents to be kept are a plan', '拟保留规范性文件20件。', []],
    ['documents repealed or amended are not in force', '清理规范性文件56件，废止9件，修改5件。', []],
  ] as const)('%s: %s', (_why, sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });
});

describe('extractIndicators: an aside that widens the count', () => {
  it('reads 行政处罚案件(含简易程序) as all penalty cases', () => {
    expect(read('全年共办理行政处罚案件（含简易程序）215件。', 2024)).toEqual(['penalty_cases=215']);
  });

  it('reads the total before a breakdown in brackets, not the part', () => {
    expect(read('办理行政处罚案件128件(其中简易程序30件).', 2024)).toEqual(['penalty_cases=128']);
  });

  it('still leaves out a count that one procedure alone makes up', () => {
    expect(read('办理简易程序行政处罚案件（含当场处罚）86件。', 2024)).toEqual([]);
  });
});

describe('extractIndicators: texts typed with half-width punctuation (, : ( ) .)', () => {
  it.each([
    ['共办理行政处罚案件326件.其中,查处食品安全案件29件.', ['penalty_cases=326']],
    ['组织专题学法6次;开展执法培训3期,培训执法人员420人次:发放宣传资料1.5万份.', ['law_study_sessions=6', 'training_sessions=3', 'trained_persons=420', 'materials_distributed=15000']],
    ['全年共受理投诉举报356件(其中12345热线转办230件),办结率100%.', ['petitions_handled=356']],
    ['2023年办理行政处罚案件100件.2024年共办理行政处罚案件128件.', ['penalty_cases=128']],
    ['上年组织专题学法4次.今年组织专题学法7次.', ['law_study_sessions=7']],
  ] as const)('%s', (sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });
});

describe('extractIndicators: the number before the noun', () => {
  it.each([
    ['局党组全年开展8次集中学法。', ['law_study_sessions=8']],
    ['组织2期执法人员业务培训。', ['training_sessions=2']],
    ['审核18件重大执法决定。', ['legal_reviews=18']],
    ['评查86卷执法案卷。', ['case_file_reviews=86']],
    ['公示45件行政处罚决定。', ['penalties_published=45']],
    ['提供560人次法律咨询服务。', ['legal_consultations=560']],
    ['主动公开352条政府信息。', ['info_disclosed=352']],
  ] as const)('%s', (sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });

  it.each([
    ['a drill is not a legal training', '组织3次应急演练和消防培训。', []],
    ['decisions drafted are not reviewed', '起草18件执法决定书。', []],
    ['case files archived are not reviewed', '归档86卷执法案卷。', []],
    ['decisions served are not published', '送达45件行政处罚决定。', []],
  ] as const)('%s: %s', (_why, sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });
});

/** Every catalog key once more, in wording of its own (issue 19 item 6: every key of the catalog recognised). */
const everyKeyAgain: ReadonlyArray<readonly [string, string[]]> = [
  ['局党组理论学习中心组集体学法9次。', ['law_study_sessions=9']],
  ['全年举办法治专题培训班4期。', ['training_sessions=4']],
  ['累计培训行政执法人员860人次。', ['trained_persons=860']],
  ['年度学法用法考试参考人员合格率为97.6%。', ['exam_pass_rate=97.6']],
  ['全年受理行政许可申请2316件。', ['approvals_handled=2316']],
  ['行政许可事项承诺办理时限比法定时限平均压缩65.3%。', ['approval_time_compression=65.3']],
  ['依申请政务服务事项全程网办率达到92.4%。', ['online_processing_rate=92.4']],
  ['行政许可超期办件0件。', ['approvals_overdue=0']],
  ['共有215项政务服务事项进驻县政务服务中心。', ['service_hall_items=215']],
  ['累计上线“一件事”主题套餐28个。', ['one_thing_packages=28']],
  ['对县政府拟出台的规范性文件开展合法性审核23件。', ['normative_docs_reviewed=23']],
  ['截至年底，本部门现行有效规范性文件共64件。', ['normative_docs_in_force=64']],
  ['报市政府备案规范性文件9件。', ['normative_docs_filed=9']],
  ['确定年度重大行政决策事项7项。', ['major_decisions=7']],
  ['对合同协议等开展合法性审查156件。', ['legality_reviews=156']],
  ['全年作出行政处罚决定1042件。', ['penalty_cases=1042']],
  ['罚没款共计528.6万元。', ['penalty_amount=5286000']],
  ['法制审核机构审核重大执法决定56件。', ['legal_reviews=56']],
  ['在信用网站公示行政处罚决定书318件。', ['penalties_published=318']],
  ['依法对轻微违法行为不予行政处罚137件。', ['non_penalty_cases=137']],
  ['减免罚款金额42.5万元。', ['exempted_amount=425000']],
  ['对轻微违法当事人说服教育860人次。', ['persuasion_education=860']],
  ['抽查评查行政执法案卷150卷。', ['case_file_reviews=150']],
  ['全局持有行政执法证件人员312名。', ['enforcement_officers=312']],
  ['全局持证执法人员仅有68名。', ['enforcement_officers=68']],
  ['法制审核人员占执法人员总数的6.2%。', ['legal_review_staff_ratio=6.2']],
  ['开展日常巡查检查4580次。', ['inspections=4580']],
  ['累计出动执法人员23600人次。', ['inspection_staff_trips=23600']],
  ['巡查发现各类问题1826个。', ['issues_found=1826']],
  ['问题整改到位率为99.2%。', ['rectification_rate=99.2']],
  ['制定双随机抽查事项清单45项。', ['random_inspection_items=45']],
  ['动态调整轻微违法行为免罚清单事项86项。', ['first_violation_exempt_items=86']],
  ['细化行政处罚裁量基准，涵盖违法行为1260项。', ['discretion_benchmark_items=1260']],
  ['涉企行政处罚案件报备审查32件。', ['enterprise_penalty_filings=32']],
  ['全年办理12345热线工单8652件。', ['petitions_handled=8652']],
  ['信访群众满意率96.5%。', ['petition_satisfaction=96.5']],
  ['全年调处各类纠纷812件。', ['disputes_mediated=812']],
  ['矛盾纠纷调解成功率达98.7%。', ['mediation_success_rate=98.7']],
  ['行政复议直接纠错率15.2%。', ['reconsideration_correction_rate=15.2']],
  ['复议案件调解和解率32%。', ['reconsideration_settlement_rate=32']],
  ['行政争议实质性化解率91.3%。', ['substantive_resolution_rate=91.3']],
  ['行政诉讼案件败诉率3.1%。', ['litigation_loss_rate=3.1']],
  ['行政机关负责人出庭应诉率达到100%。', ['head_appearance_rate=100']],
  ['受理法律援助案件586件。', ['legal_aid_cases=586']],
  ['主动公开政府信息1235条。', ['info_disclosed=1235']],
  ['开展“八五”普法宣传活动82场次。', ['publicity_events=82']],
  ['发放普法宣传资料2.3万份。', ['materials_distributed=23000']],
  ['接受群众法律咨询1800余人次。', ['legal_consultations=1800']],
  ['编发以案释法典型案例12个。', ['typical_cases=12']],
];

describe('extractIndicators: every catalog key in other wording', () => {
  it.each(everyKeyAgain)('%s', (sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });

  it('covers every catalog key', () => {
    const covered = new Set(everyKeyAgain.flatMap(([, pairs]) => pairs.map((pair) => pair.split('=')[0])));
    expect(indicatorCatalog.map((entry) => entry.key).filter((key) => !covered.has(key))).toEqual([]);
  });

  it.each([
    ['documents made are not documents reviewed', '全年制定出台规范性文件5件。', []],
    ['articles of a benchmark are not violations', '细化裁量基准，涉及法律条款120条。', []],
    ['new certified officers are not all officers', '新增持证执法人员12名。', []],
  ] as const)('%s: %s', (_why, sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });
});

describe('extractIndicators: 余/多/近 approximations', () => {
  const approx = (sentence: string) =>
    extractIndicators(sentence, normalizeForMatching(sentence), { reportYear: 2024 }).map((m) => `${m.key}=${String(m.value)}${m.approx ? '~' : ''}`);

  it.each([
    ['开展送法进村居活动百余场。', ['publicity_events=100~']],
    ['轮训执法人员千余人次。', ['trained_persons=1000~']],
    ['发放普法读本3万多份。', ['materials_distributed=30000~']],
    ['调处矛盾纠纷近百件。', ['disputes_mediated=100~']],
    ['解答群众法律咨询万余人次。', ['legal_consultations=10000~']],
    ['罚没款百余万元。', ['penalty_amount=1000000~']],
  ] as const)('%s', (sentence, expected) => {
    expect(approx(sentence)).toEqual(expected);
  });

  it.each([
    ['hundreds is no figure', '开展普法宣传数百场。', []],
    ['hundreds to thousands is no figure', '发放宣传资料成百上千份。', []],
  ] as const)('%s: %s', (_why, sentence, expected) => {
    expect(approx(sentence)).toEqual(expected);
  });
});

describe('extractIndicators: a rate stated without a figure', () => {
  it.each([
    ['this year', '全年行政诉讼案件实现零败诉。', ['litigation_loss_rate=0']],
    ['a target', '力争行政诉讼零败诉。', []],
    ['another year', '2023年行政诉讼零败诉。', []],
    ['not an administrative suit', '民事诉讼零败诉。', []],
  ] as const)('%s: %s', (_why, sentence, expected) => {
    expect(read(sentence, 2024)).toEqual(expected);
  });
});
