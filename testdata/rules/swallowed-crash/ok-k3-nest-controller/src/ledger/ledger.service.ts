// An in-memory ledger.
import { Injectable } from '@nestjs/common';

export interface Entry {
  id: bigint;
  account: string;
  amount: number;
}

@Injectable()
export class LedgerService {
  private readonly entries: Entry[] = [{ id: 9007199254740993n, account: 'cash', amount: 120 }];

  async find(criteria: Partial<Record<'account', string>>): Promise<Entry[]> {
    return this.entries.filter((e) => !criteria.account || e.account === criteria.account);
  }

  async findOne(id: bigint): Promise<Entry | undefined> {
    return this.entries.find((e) => e.id === id);
  }
}
