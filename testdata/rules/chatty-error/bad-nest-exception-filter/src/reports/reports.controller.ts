// Report endpoints.
import { Controller, Get, Param } from '@nestjs/common';
import { ReportsService } from './reports.service';

@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':month')
  monthly(@Param('month') month: string) {
    return this.reports.monthly(month);
  }
}
