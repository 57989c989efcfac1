import { Card, Result, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { clueInput, onSpotInput } from '../../../domain/cases/registration.ts';
import { api } from '../../shared/api.ts';
import { casePolicy } from '../../../domain/cases/policy.ts';
import { may } from '../../../domain/policy.ts';
import { useMe } from '../auth.tsx';
import { GeneratedForm } from './GeneratedForm.tsx';
import { ReferenceProvider } from './references.tsx';
import { fieldsOf } from './schema-fields.ts';

const clueFields = fieldsOf(clueInput, ['organizationId']);
const onSpotFields = fieldsOf(onSpotInput, ['organizationId']);

/**
 * /cases/new: register a clue (线索登记, officers, clerks and heads) or decide on the spot under the simple
 * procedure (简易程序, 《行政处罚法》第五十一条, officers present). Both forms are generated from the schemas the
 * server validates with; after saving, the new case's page opens.
 */
export default function NewCasePage() {
  const me = useMe();
  const navigate = useNavigate();
  const onSpotInitial = useMemo(() => ({ officerIds: [me.userId], penalty: { kinds: ['fine'] } }), [me.userId]);
  const open = (view: { id: number }) => void navigate(`/cases/${view.id}`);
  const canRegister = may(me, casePolicy.registerClue);
  const canDecide = may(me, casePolicy.decideOnSpot);
  if (!canRegister) return <Result status="403" title="无权登记案件" subTitle="登记线索需要执法人员、窗口或负责人角色。" />;

  const tabs = [
    {
      key: 'clue',
      label: '登记线索',
      children: (
        <GeneratedForm
          title="登记线索"
          name="clue"
          schema={clueInput}
          fields={clueFields}
          submitLabel="登记线索"
          send={(payload) => api.post<{ id: number }>('/cases', payload)}
          onDone={open}
        />
      ),
    },
    ...(canDecide
      ? [
          {
            key: 'onSpot',
            label: '简易程序当场处罚',
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  违法事实确凿并有法定依据，对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告的，可以当场作出行政处罚决定（《行政处罚法》第五十一条），须由两名执法人员出示执法证件（第五十二条）。
                </Typography.Paragraph>
                <GeneratedForm
                  title="简易程序当场处罚"
                  name="on-spot"
                  schema={onSpotInput}
                  fields={onSpotFields}
                  initial={onSpotInitial}
                  submitLabel="作出当场处罚决定"
                  send={(payload) => api.post<{ id: number }>('/cases/on-spot', payload)}
                  onDone={open}
                />
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <ReferenceProvider organizationId={me.organizationId}>
      <Card title="新建案件" style={{ maxWidth: 880 }}>
        <Tabs items={tabs} destroyOnHidden />
      </Card>
    </ReferenceProvider>
  );
}
