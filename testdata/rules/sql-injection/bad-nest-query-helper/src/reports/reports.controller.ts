import { Controller, Get, Param, Query } from '@nestjs/common';
import { pool } from '../db/pool';
import { regionSql, summarySql } from '../db/report-sql';

@Controller('reports')
export class ReportsController {
  @Get('regions/:code')
  async region(@Param('code') code: string) {
    const { rows } = await pool.query(regionSql(code)); // expect: sql-injection
    return rows[0];
  }

  @Get('summary')
  async summary(@Query('region') region: string, @Query('from') from?: string) {
    const sql = summarySql(region, from);
    const result = await pool.query(sql); // expect: sql-injection
    return result.rows;
  }
}
