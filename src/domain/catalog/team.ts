export interface Team {
  id: string;
  name: string;
  description: string;
  memberIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Service {
  id: string;
  name: string;
  description: string;
  teamId: string | null;
  /** 1 is the most critical tier. */
  tier: number;
  createdAt: string;
  updatedAt: string;
}
