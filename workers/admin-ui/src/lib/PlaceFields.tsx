import { Alert, Col, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import { text } from './payload.ts';
import { usePlaces } from './usePlaces.ts';

interface Props {
  tenant: string;
  form: FormInstance;
  /** Column span of the street and community pickers (24 per row). */
  span?: number;
}

/**
 * 地点 of a need or resource: street (街道/苏木乡镇) and community (社区/嘎查村)
 * from the county's divisions, grid, address, and optional coordinates.
 * Field names match the API: streetCode, communityCode, gridName, address, lat, lng.
 */
export function PlaceFields({ tenant, form, span = 12 }: Props) {
  const places = usePlaces(tenant);
  const streetCode = Form.useWatch('streetCode', form) as string | null | undefined;
  const streetOptions = places.streets.map((p) => ({ value: p.code, label: p.name }));
  const communityOptions = places.communitiesOf(streetCode).map((p) => ({ value: p.code, label: p.name }));

  return (
    <>
      {places.error && <Alert type="warning" showIcon title={`无法加载街道和社区：${places.error}`} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        <Col span={span}>
          <Form.Item label="街道/苏木乡镇" name="streetCode">
            <Select
              options={streetOptions}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={places.loading}
              placeholder="选择街道或苏木乡镇"
              onChange={(code?: string) => {
                const community = form.getFieldValue('communityCode') as string | null | undefined;
                if (community && (!code || !community.startsWith(code))) form.setFieldValue('communityCode', undefined);
              }}
            />
          </Form.Item>
        </Col>
        <Col span={span}>
          <Form.Item label="社区/嘎查村" name="communityCode">
            <Select
              options={communityOptions}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={places.loading}
              placeholder={streetCode ? '选择社区或嘎查村' : '可直接搜索，街道随之填入'}
              onChange={(code?: string) => {
                if (!code) return;
                const parent = places.places.find((p) => p.code === code)?.parentCode ?? code.slice(0, 9);
                if (form.getFieldValue('streetCode') !== parent) form.setFieldValue('streetCode', parent);
              }}
            />
          </Form.Item>
        </Col>
        <Col span={span}>
          <Form.Item label="网格" name="gridName">
            <Input placeholder="如：第三网格" maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={span}>
          <Form.Item label="详细地址" name="address">
            <Input placeholder="可不填" maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={span / 2}>
          <Form.Item label="纬度" name="lat" extra="可不填；经纬度须同时填写">
            <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} placeholder="如 42.2578" />
          </Form.Item>
        </Col>
        <Col span={span / 2}>
          <Form.Item label="经度" name="lng">
            <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} placeholder="如 118.8869" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export const PLACE_FIELDS = ['streetCode', 'communityCode', 'gridName', 'address', 'lat', 'lng'] as const;

export interface PlaceValues {
  streetCode?: string | null;
  communityCode?: string | null;
  gridName?: string | null;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The place as the API takes it: empty inputs are null. */
export function placePayload(v: PlaceValues) {
  return {
    streetCode: v.streetCode || null,
    communityCode: v.communityCode || null,
    gridName: text(v.gridName),
    address: text(v.address),
    lat: num(v.lat),
    lng: num(v.lng),
  };
}

/** A saved place as the fields hold it. */
export function placeToForm(p: { streetCode: string | null; communityCode: string | null; gridName: string | null; address: string | null; lat: number | null; lng: number | null }): PlaceValues {
  return { streetCode: p.streetCode, communityCode: p.communityCode, gridName: p.gridName ?? '', address: p.address ?? '', lat: p.lat, lng: p.lng };
}
