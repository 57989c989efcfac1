import { describe, expect, it } from 'vitest';
import { HIDDEN, maskAddress, maskHouseNumbers, maskIdNumber, maskParty, maskPersonName, maskPhone, redactText } from './masking.ts';

describe('maskPersonName (国办发〔2018〕118号: a natural person shows the surname only)', () => {
  it('keeps a single-character surname', () => {
    expect(maskPersonName('张三')).toBe('张某');
    expect(maskPersonName('李小龙')).toBe('李某');
    expect(maskPersonName(' 王 五 ')).toBe('王某');
  });

  it('keeps compound surnames', () => {
    const cases: [string, string][] = [
      ['欧阳娜娜', '欧阳某'], ['司马光', '司马某'], ['诸葛亮', '诸葛某'], ['上官婉儿', '上官某'], ['东方朔', '东方某'],
      ['皇甫嵩', '皇甫某'], ['尉迟恭', '尉迟某'], ['公孙胜', '公孙某'], ['慕容复', '慕容某'], ['长孙无忌', '长孙某'],
      ['宇文泰', '宇文某'], ['司徒雷登', '司徒某'], ['夏侯惇', '夏侯某'], ['轩辕明', '轩辕某'], ['令狐冲', '令狐某'],
      ['钟离春', '钟离某'], ['端木蕻良', '端木某'],
    ];
    for (const [name, masked] of cases) expect(maskPersonName(name), name).toBe(masked);
  });

  it('treats a two-character name starting like a compound surname as surname + given name', () => {
    expect(maskPersonName('欧阳')).toBe('欧某');
  });

  it('is idempotent on already masked names', () => {
    expect(maskPersonName('张某')).toBe('张某');
    expect(maskPersonName('欧阳某')).toBe('欧阳某');
  });

  it('keeps only the first character of transliterated names', () => {
    expect(maskPersonName('艾力·买买提')).toBe('艾某');
    expect(maskPersonName('john smith')).toBe('J某');
    expect(maskPersonName('')).toBe('');
  });
});

describe('ID numbers and phones are never shown', () => {
  it('returns null whatever the input', () => {
    expect(maskIdNumber('11010519491231002X')).toBeNull();
    expect(maskPhone('13812345678')).toBeNull();
    expect(maskIdNumber(undefined)).toBeNull();
    expect(HIDDEN).toBe('***');
  });
});

describe('maskAddress (cut to the district / county)', () => {
  const cases: [string, string | null][] = [
    ['深圳市南山区粤海街道科技园路1号', '深圳市南山区'],
    ['广东省深圳市南山区粤海街道科技园路1号', '广东省深圳市南山区'],
    ['广东深圳市福田区福华一路', '广东深圳市福田区'],
    ['广州市天河区天河路385号', '广州市天河区'],
    ['北京市朝阳区建国路88号', '北京市朝阳区'],
    ['北京市市辖区朝阳区建国路88号', '北京市市辖区朝阳区'],
    ['天津市和平区南市街道', '天津市和平区'],
    ['上海市浦东新区世纪大道100号', '上海市浦东新区'],
    ['重庆市万州区高笋塘', '重庆市万州区'],
    ['重庆市城口县葛城街道', '重庆市城口县'],
    ['江苏省苏州市昆山市玉山镇人民路', '江苏省苏州市昆山市'],
    ['浙江省杭州市桐庐县城南街道', '浙江省杭州市桐庐县'],
    ['山东省济南市市中区经四路', '山东省济南市市中区'],
    ['湖北省荆州市沙市区北京路', '湖北省荆州市沙市区'],
    ['湖北省恩施土家族苗族自治州恩施市舞阳坝街道', '湖北省恩施土家族苗族自治州恩施市'],
    ['湖北省神农架林区松柏镇', '湖北省神农架林区'],
    ['内蒙古自治区鄂尔多斯市伊金霍洛旗阿勒腾席热镇', '内蒙古自治区鄂尔多斯市伊金霍洛旗'],
    ['新疆维吾尔自治区阿克苏地区库车市', '新疆维吾尔自治区阿克苏地区库车市'],
    ['湖北省宜昌市长阳土家族自治县龙舟坪镇', '湖北省宜昌市长阳土家族自治县'],
    ['河北省唐山市路南区新华道', '河北省唐山市路南区'],
    ['福建省福州市鼓楼区五四路', '福建省福州市鼓楼区'],
    ['江苏省镇江市京口区', '江苏省镇江市京口区'],
    ['广西壮族自治区南宁市青秀区', '广西壮族自治区南宁市青秀区'],
    ['香港特别行政区九龙城区', '香港特别行政区九龙城区'],
    ['黑龙江省哈尔滨市道里区', '黑龙江省哈尔滨市道里区'],
    ['北京市通州区', '北京市通州区'],
    ['通州区梨园镇', '通州区'],
    ['石家庄市长安区', '石家庄市长安区'],
    ['吉林省吉林市船营区', '吉林省吉林市船营区'],
    ['河南省新乡市红旗区', '河南省新乡市红旗区'],
    ['湖南省常德市津市市', '湖南省常德市津市市'],
    ['苏州市工业园区星湖街', '苏州市'],
    ['成都市高新区天府大道', '成都市'],
    ['中国广东省深圳市南山区', '中国广东省深圳市南山区'],
    ['广东省 深圳市 南山区 科技园', '广东省深圳市南山区'],
    ['南山区粤海街道', '南山区'],
    // Cities without districts: keep the city, never a town, estate or street.
    ['广东省东莞市南城街道金地小区3栋', '广东省东莞市'],
    ['东莞市虎门镇工业区', '东莞市'],
    ['东莞市南城金地小区', '东莞市'],
    ['海南省儋州市那大镇', '海南省儋州市'],
    // Nothing recognisable: hide it.
    ['粤海街道科技园路1号', null],
    ['科技园路1号', null],
    ['', null],
  ];
  for (const [address, masked] of cases) {
    it(`${address || '(empty)'} → ${masked ?? 'null'}`, () => {
      expect(maskAddress(address)).toBe(masked);
    });
  }
});

describe('redactText', () => {
  it('removes 18-digit and 15-digit ID numbers, lower-case x included', () => {
    expect(redactText('当事人张三（身份证号11010519491231002X）于')).toBe('当事人张三（身份证号***）于');
    expect(redactText('身份证号：11010519491231002x。')).toBe('身份证号：***。');
    expect(redactText('旧证号110105491231002，')).toBe('旧证号***，');
    expect(redactText('号码 110105 19491231 002X 有误')).toBe('号码 *** 有误');
  });

  it('removes mobile numbers with or without country code and grouping', () => {
    expect(redactText('联系人手机13812345678')).toBe('联系人手机***');
    expect(redactText('请拨+86 138-1234-5678或8613912345678')).toBe('请拨***或***');
    expect(redactText('电话：１３８１２３４５６７８')).toBe('电话：***');
  });

  it('removes landline numbers with area code, brackets and extensions', () => {
    expect(redactText('举报电话0755-86013388转123，')).toBe('举报电话***，');
    expect(redactText('（0755）86013388')).toBe('***');
    expect(redactText('010 12345678')).toBe('***');
    expect(redactText('座机：26543210')).toBe('座机：***');
  });

  it('removes bank card numbers (16–19 digits), grouped or not', () => {
    expect(redactText('卡号6222021234567890123')).toBe('卡号***');
    expect(redactText('卡号 6222 0212 3456 7890')).toBe('卡号 ***');
  });

  it('handles a landline followed by a mobile', () => {
    expect(redactText('0755-86013388 13812345678')).toBe('*** ***');
  });

  it('keeps an all-digit credit code, amounts, dates and case numbers', () => {
    expect(redactText('华为技术有限公司（914403001922038216）')).toBe('华为技术有限公司（914403001922038216）');
    expect(redactText('罚款5000元，2024年10月12日，深南罚〔2024〕123号')).toBe('罚款5000元，2024年10月12日，深南罚〔2024〕123号');
    expect(redactText('2024-10-12')).toBe('2024-10-12');
  });
});

describe('maskParty', () => {
  it('masks a natural person for publicity', () => {
    expect(
      maskParty({ kind: 'person', name: '欧阳娜娜', idNumber: '11010519491231002X', phone: '13812345678', address: '深圳市南山区粤海街道科技园路1号' }),
    ).toEqual({ kind: 'person', name: '欧阳某', idNumber: null, phone: null, address: '深圳市南山区' });
  });

  it('shows an organization as registered, but never its phone, and its legal representative by surname only', () => {
    expect(
      maskParty({
        kind: 'organization',
        name: '深圳市某某科技有限公司',
        creditCode: '91440300192181490G',
        legalRepresentative: '张三',
        phone: '13812345678',
        address: '深圳市南山区粤海街道科技园路1号',
      }),
    ).toEqual({
      kind: 'organization',
      name: '深圳市某某科技有限公司',
      creditCode: '91440300192181490G',
      legalRepresentative: '张某',
      phone: null,
      address: '深圳市南山区粤海街道科技园路1号',
    });
  });
});

describe('maskHouseNumbers (国办发〔2018〕118号, 《个人信息保护法》第六条: a natural person’s home keeps road and district only)', () => {
  it.each([
    ['云城市东湖区幸福路88号3栋2单元501室', '云城市东湖区幸福路**号**'],
    ['当事人在东湖区湖滨路 56 号自有住宅楼顶搭建', '当事人在东湖区湖滨路 **号自有住宅楼顶搭建'],
    ['幸福路８８号３栋２单元５０１室', '幸福路**号**'],
    ['幸福路八十八号三栋二单元', '幸福路**号**'],
    ['解放街 12 号 5 幢 302 室门前', '解放街 **号**门前'],
    ['中山路120号楼顶', '中山路**号楼顶'],
    ['建设路15号院3号楼2单元', '建设路**号院**'],
    ['人民大道100-2号12层', '人民大道**号**'],
    ['和平巷7号之1', '和平巷**号'],
    ['锦绣花园B座1203室', '锦绣花园**座**'],
    ['桃源村3组15号', '桃源村3组**号'],
    ['阳光小区3栋2单元501室', '阳光小区**栋**'],
    ['租住的1203室内', '租住的**室内'],
    ['住在阳光苑三栋二单元五零一室', '住在阳光苑**栋**'],
    ['西山区科技大道1号A栋', '西山区科技大道**号**'],
  ])('%s → %s', (text, masked) => {
    expect(maskHouseNumbers(text)).toBe(masked);
  });

  it.each([
    '云东城管罚字〔2026〕15号',
    '依据《城市市容和环境卫生管理条例》第三十六条第（一）项',
    '乘地铁2号线至幸福路站',
    '轨道交通3号线沿线',
    '建筑面积约 72 平方米，工程造价约 86.4 万元',
    '房屋为两室一厅',
    '在3楼阳台搭建',
    '存放液化石油气钢瓶 6 只',
  ])('leaves text that is not a house number alone: %s', (text) => {
    expect(maskHouseNumbers(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = maskHouseNumbers('幸福路88号3栋2单元501室');
    expect(maskHouseNumbers(once)).toBe(once);
  });
});
