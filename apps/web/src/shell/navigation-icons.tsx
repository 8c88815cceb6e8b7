import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  ScheduleOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { NavigationEntry } from './build-navigation.ts';

/** The icon of each navigation entry, shared by the side menu and the home page's quick links. */
export const navigationIcons: Record<NavigationEntry['icon'], ReactNode> = {
  home: <HomeOutlined />,
  enterprise: <ShopOutlined />,
  organisation: <ApartmentOutlined />,
  user: <TeamOutlined />,
  ipAsset: <SafetyCertificateOutlined />,
  case: <AuditOutlined />,
  workQueue: <ScheduleOutlined />,
  dashboard: <DashboardOutlined />,
  alert: <AlertOutlined />,
  consent: <FileProtectOutlined />,
};
