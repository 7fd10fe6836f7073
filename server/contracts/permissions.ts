// The roles and what each may do: one table, read by the permission middleware, the session's answer to the web and
// the authorization matrix test.
export const ROLES = ['admin', 'leader', 'police', 'editor', 'approver'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'read_map', // statuses, boundaries, communes, indicators, units, plans
  'read_hotspot_details', // exact hotspot locations and records
  'write_hotspots',
  'read_proposals',
  'propose',
  'decide',
  'admin_users',
  'read_audit',
  'manage_boundaries', // code lists and boundary imports
  'manage_reporting', // reopening a locked reporting period
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    'read_map',
    'read_hotspot_details',
    'write_hotspots',
    'read_proposals',
    'propose',
    'decide',
    'admin_users',
    'read_audit',
    'manage_boundaries',
    'manage_reporting',
  ],
  leader: ['read_map', 'read_proposals'],
  police: ['read_map', 'read_hotspot_details', 'write_hotspots'],
  editor: ['read_map', 'read_proposals', 'propose'],
  approver: ['read_map', 'read_proposals', 'decide'],
};
