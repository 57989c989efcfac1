import { Alert, Card, Col, Row, Typography } from 'antd';

const { Paragraph, Title, Text } = Typography;

/** The ordinary procedure of 《行政处罚法》(2021), each step with its article. */
const ordinarySteps = [
  { title: '立案', description: '符合立案标准的，及时立案（第五十四条）。' },
  { title: '调查取证', description: '执法人员不少于两人并出示执法证件，制作笔录（第四十二条、第五十五条）。' },
  { title: '审查', description: '负责人审查调查结果；重大决定须经法制审核（第五十七条、第五十八条）。' },
  { title: '事先告知', description: '告知拟作出处罚的内容及事实、理由、依据，以及陈述、申辩、听证等权利（第四十四条）。' },
  { title: '陈述申辩、听证', description: '充分听取意见，不得因当事人陈述、申辩而给予更重的处罚（第四十五条）；符合条件的可要求听证（第六十三条、第六十四条）。' },
  { title: '作出决定', description: '制作行政处罚决定书，载明救济途径和期限（第五十七条、第五十九条）；自立案之日起九十日内作出（第六十条）。' },
  { title: '送达', description: '当场交付；当事人不在场的，七日内送达（第六十一条）。' },
  { title: '执行', description: '自收到决定书之日起十五日内缴纳罚款（第六十七条）；逾期每日按罚款数额的百分之三加处罚款（第七十二条）。' },
];

export default function ProcedurePage() {
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title="行政处罚普通程序">
          <Paragraph type="secondary">依据《中华人民共和国行政处罚法》（2021年修订），括号内为条文序号。</Paragraph>
          <ol style={{ paddingInlineStart: 24, margin: 0, lineHeight: 1.8 }}>
            {ordinarySteps.map((s) => (
              <li key={s.title} style={{ marginBottom: 6 }}>
                <Text strong>{s.title}</Text>：{s.description}
              </li>
            ))}
          </ol>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="简易程序（当场处罚）" style={{ height: '100%' }}>
          <Paragraph>
            违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定（第五十一条）。
          </Paragraph>
          <Paragraph>执法人员应当出示执法证件，填写预定格式、编有号码的行政处罚决定书，当场交付当事人（第五十二条）。</Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="当事人的权利" style={{ height: '100%' }}>
          <ul style={{ paddingInlineStart: 20, margin: 0, lineHeight: 1.9 }}>
            <li>知情权：作出处罚决定前被告知事实、理由、依据和拟处罚内容（第四十四条）。</li>
            <li>陈述、申辩权：行政机关必须充分听取，不得因申辩加重处罚（第四十五条）。</li>
            <li>听证权：较大数额罚款、没收较大数额违法所得、没收较大价值非法财物、降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业等，可要求听证，应在告知后五日内提出（第六十三条、第六十四条）。</li>
            <li>申请回避：认为执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，有权申请回避（第四十三条）。</li>
            <li>未依法告知或者拒不听取陈述、申辩的，不得作出行政处罚决定（第六十二条）。</li>
          </ul>
          <Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            法律规定的“二日”“三日”“五日”“七日”指工作日，不含法定节假日（第八十五条）。
          </Paragraph>
        </Card>
      </Col>
      <Col span={24}>
        <Card title="救济途径">
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Title level={5}>行政复议</Title>
              <Paragraph>
                认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起<Text strong>六十日</Text>
                内提出行政复议申请；法律规定的申请期限超过六十日的除外（《中华人民共和国行政复议法》第二十条）。
              </Paragraph>
              <Paragraph>对当场作出的行政处罚决定不服的，应当先申请行政复议，对复议决定不服的，再依法提起行政诉讼（《中华人民共和国行政复议法》第二十三条）。</Paragraph>
            </Col>
            <Col xs={24} md={12}>
              <Title level={5}>行政诉讼</Title>
              <Paragraph>
                直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起<Text strong>六个月</Text>
                内提出；法律另有规定的除外（《中华人民共和国行政诉讼法》第四十六条）。
              </Paragraph>
              <Paragraph>经行政复议的，可以在收到复议决定书之日起十五日内向人民法院提起诉讼（《中华人民共和国行政诉讼法》第四十五条）。</Paragraph>
            </Col>
          </Row>
          <Alert
            type="info"
            showIcon
            title="申请行政复议或者提起行政诉讼期间，行政处罚不停止执行，法律另有规定的除外（《行政处罚法》第七十三条）。具体的复议机关和管辖法院以行政处罚决定书载明的为准。"
          />
        </Card>
      </Col>
    </Row>
  );
}
