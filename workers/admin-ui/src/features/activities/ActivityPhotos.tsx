import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Image, Popconfirm, Space, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../api/client.ts';
import { activitiesApi, type ActivityPhotoList, type ActivityPhotoView } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const MAX_BYTES = 10 * 1024 * 1024;

interface Props {
  tenant: string;
  activityId: string;
  /** Whether this user may upload and delete (the server decides by the alliance as well). */
  canManage: boolean;
}

/** One thumbnail: the bytes fetched with the session, shown from an object URL released on unmount. */
function Thumb({ tenant, activityId, photo }: { tenant: string; activityId: string; photo: ActivityPhotoView }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    activitiesApi.photoBlob(tenant, activityId, photo.id).then(
      (b) => {
        made = URL.createObjectURL(b);
        if (live) setUrl(made);
        else URL.revokeObjectURL(made);
      },
      () => live && setUrl(null),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [tenant, activityId, photo.id]);
  const alt = photo.originalName ?? '活动照片';
  return url ? (
    <Image src={url} alt={alt} width={120} height={120} style={{ objectFit: 'cover', borderRadius: 4 }} />
  ) : (
    <div aria-label={alt} style={{ width: 120, height: 120, background: '#f5f5f5', borderRadius: 4 }} />
  );
}

/** 活动照片: thumbnails (click to enlarge), upload (JPG/PNG, ≤ 10 MB, ≤ 20) and delete. */
export function ActivityPhotos({ tenant, activityId, canManage }: Props) {
  const { message } = useFeedback();
  const [list, setList] = useState<ActivityPhotoList | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    activitiesApi.photos(tenant, activityId).then(setList, (e) => setError(errorText(e)));
  }, [tenant, activityId]);
  useEffect(load, [load]);

  const upload = async (file: File) => {
    setError(null);
    // The server refuses these too; saying so first spares the wait.
    if (file.size > MAX_BYTES) {
      setError(`“${file.name}”超过 10 MB，请压缩后上传`);
      return;
    }
    setBusy(true);
    try {
      await activitiesApi.uploadPhoto(tenant, activityId, file);
      message.success('已上传照片');
      load();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (photoId: string) => {
    try {
      setList(await activitiesApi.removePhoto(tenant, activityId, photoId));
      message.success('已删除照片');
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const items = list?.items ?? [];
  const max = list?.max ?? 20;
  return (
    <Card
      title={`活动照片（${items.length}）`}
      loading={!list && !error}
      data-testid="activity-photos"
      extra={
        canManage && (
          <Upload
            accept=".jpg,.jpeg,.png,image/jpeg,image/png"
            multiple
            showUploadList={false}
            disabled={items.length >= max}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} disabled={items.length >= max} data-testid="photo-upload">
              上传照片
            </Button>
          </Upload>
        )
      }
    >
      {items.length === 0 ? (
        <Empty description="尚未上传照片" />
      ) : (
        <Image.PreviewGroup>
          <Space wrap size="middle">
            {items.map((p) => (
              <Space key={p.id} orientation="vertical" size={4} align="center" data-testid="activity-photo">
                <Thumb tenant={tenant} activityId={activityId} photo={p} />
                {canManage && (
                  <Popconfirm title="确定删除这张照片？" okText="删除" cancelText="返回" onConfirm={() => remove(p.id)}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />}>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        {`JPG 或 PNG，每张不超过 10 MB，每个活动最多 ${max} 张`}
      </Typography.Paragraph>
      {error && (
        <Typography.Paragraph type="danger" style={{ margin: '8px 0 0' }} data-testid="photo-error">
          {error}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
