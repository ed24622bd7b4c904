/** Small builders of valid records for model tests. */
export const ENG = '01900000-0000-7000-8000-000000000001';
export const A = '01900000-0000-7000-8000-00000000000a';
export const B = '01900000-0000-7000-8000-00000000000b';
export const C = '01900000-0000-7000-8000-00000000000c';
export const T = '2026-03-02T09:15:00.000Z';

export const system = (id: string) => ({
  id,
  createdAt: T,
  updatedAt: T,
  deletedAt: null,
});

export const scoped = (id: string) => ({ ...system(id), engagementId: ENG });
