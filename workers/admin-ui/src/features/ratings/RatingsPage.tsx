import { Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { RatingsPanel } from './RatingsPanel.tsx';

/** 四评 of one assessment on a page of its own (the assessment page embeds the same panel). */
export default function RatingsPage() {
  const { id = '' } = useParams();
  return (
    <>
      <Typography.Title level={4}>四评</Typography.Title>
      <RatingsPanel assessmentId={id} />
    </>
  );
}
