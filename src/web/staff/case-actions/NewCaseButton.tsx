import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router';
import { casePolicy } from '../../../domain/cases/policy.ts';
import { may } from '../../../domain/policy.ts';
import { useMe } from '../auth.tsx';

/** 登记线索 on the case list: to /cases/new, for those who may register a clue (officers, clerks, heads). */
export function NewCaseButton() {
  const me = useMe();
  if (!may(me, casePolicy.registerClue)) return null;
  return (
    <Link to="/cases/new">
      <Button type="primary" icon={<PlusOutlined />}>
        登记线索
      </Button>
    </Link>
  );
}
