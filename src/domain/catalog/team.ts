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
  /** What alerts routed to the service with action `page` page; null: such alerts are stored, not paged. */
  escalationPolicyId: string | null;
  createdAt: string;
  updatedAt: string;
}
