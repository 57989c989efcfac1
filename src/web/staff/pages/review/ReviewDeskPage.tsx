import { useParams } from 'react-router';
import { ReviewCase } from './ReviewCase.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';

/** 法制审核 (/review and /review/:id): the queue of cases awaiting legal review, and one case with the checklist. */
export default function ReviewDeskPage() {
  const { id } = useParams();
  return id ? <ReviewCase id={Number(id)} /> : <ReviewQueue />;
}
