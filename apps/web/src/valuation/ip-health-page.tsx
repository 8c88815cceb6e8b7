import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, List, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useSession } from '../session/use-session.ts';
import { ipTradeApi, type IpHealthCheck } from './ip-trade-api.ts';

type Finding = IpHealthCheck['risks'][number];

function FindingList({
  title,
  items,
  empty,
  type,
}: {
  title: string;
  items: Finding[];
  empty: string;
  type: 'success' | 'warning' | 'info';
}) {
  return (
    <Card title={title} style={{ marginBottom: 16 }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <List
          dataSource={items}
          renderItem={(item, index) => (
            <List.Item key={`${item.code}-${index}`}>
              <Alert type={type} showIcon message={item.message} style={{ width: '100%' }} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/**
 * 知识产权体检: strengths, risks (expiry within 24 months, unpaid fees, invalidation or dispute, concentration,
 * co-ownership) and recommendations for an enterprise, with the Chinese PDF report to download. Reached from the
 * enterprise page (`/enterprises/:id/ip-health`) and, for an enterprise user, from the menu (`/ip-health`).
 */
export function IpHealthPage() {
  const { t } = useTranslation();
  const session = useSession().data;
  const { id } = useParams();
  const enterpriseId = id ?? session?.organisation.id ?? '';
  const health = useQuery({
    queryKey: ['ip-health', enterpriseId],
    queryFn: ({ signal }) => ipTradeApi.health(enterpriseId, signal),
    enabled: enterpriseId !== '',
  });

  const back =
    id === undefined ? null : <Link to={`/enterprises/${encodeURIComponent(id)}`}>{t('ipHealth.back')}</Link>;
  return (
    <>
      <PageHeader
        title={t('ipHealth.title')}
        subtitle={
          health.data
            ? t('ipHealth.subtitle', { name: health.data.enterprise.name, date: health.data.asOfDate })
            : t('ipHealth.intro')
        }
        extra={
          <>
            {back}{' '}
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={ipTradeApi.healthPdfUrl(enterpriseId)}
              disabled={!health.data}
            >
              {t('ipHealth.downloadPdf')}
            </Button>
          </>
        }
      />
      {health.isError && <ProblemAlert error={health.error} onRetry={() => void health.refetch()} />}
      {health.isPending && !health.isError && <Skeleton active />}
      {health.data && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Card>
                <Statistic title={t('ipHealth.assetCount')} value={health.data.assetCount} />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic title={t('ipHealth.inForceCount')} value={health.data.inForceCount} />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic
                  title={t('ipHealth.riskCount')}
                  value={health.data.risks.length}
                  valueStyle={health.data.risks.length > 0 ? { color: '#cf1322' } : {}}
                />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic title={t('ipHealth.strengthCount')} value={health.data.strengths.length} />
              </Card>
            </Col>
          </Row>
          {health.data.assetCount === 0 && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('ipHealth.noAssets')} />
          )}
          <FindingList
            title={t('ipHealth.risks')}
            items={health.data.risks}
            empty={t('ipHealth.noRisks')}
            type="warning"
          />
          <FindingList
            title={t('ipHealth.recommendations')}
            items={health.data.recommendations}
            empty={t('ipHealth.noRecommendations')}
            type="info"
          />
          <FindingList
            title={t('ipHealth.strengths')}
            items={health.data.strengths}
            empty={t('ipHealth.noStrengths')}
            type="success"
          />
          <Typography.Paragraph type="secondary">{t('ipHealth.disclaimer')}</Typography.Paragraph>
        </>
      )}
    </>
  );
}
