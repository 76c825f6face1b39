import { Controller, Get, Param, Query } from '@nestjs/common';
import { pool } from '../db/pool';
import { regionQuery, summaryQuery } from '../db/report-sql';

@Controller('reports')
export class ReportsController {
  @Get('regions/:code')
  async region(@Param('code') code: string) {
    const { rows } = await pool.query(regionQuery(code));
    return rows[0];
  }

  @Get('summary')
  async summary(@Query('region') region: string, @Query('from') from?: string) {
    const [sql, values] = summaryQuery(region, from);
    const result = await pool.query(sql, values);
    return result.rows;
  }
}
