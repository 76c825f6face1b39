// Report endpoints.
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';

const REPORTS: Record<string, { month: string; revenue: number }> = {
  '2024-01': { month: '2024-01', revenue: 1200 },
};

@Controller('reports')
export class ReportsController {
  @Get(':month')
  monthly(@Param('month') month: string) {
    const report = REPORTS[month];
    if (!report) throw new NotFoundException(`No report for ${month}`);
    return report;
  }
}
