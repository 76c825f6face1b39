import express, { Request, Response } from 'express';
import { DataSource } from 'typeorm';

const dataSource = new DataSource({ type: 'mysql', database: 'hr' });
const app = express();

async function listEmployees(req: Request, res: Response) {
  const dept = req.params.dept;
  const employees = await dataSource.manager.query('SELECT * FROM employees WHERE dept = "' + dept + '"'); // expect: sql-injection
  const repo = dataSource.getRepository('Employee');
  const managers = await repo.query(`SELECT * FROM employees WHERE dept = '${dept}' AND manager = 1`); // expect: sql-injection
  res.json({ employees, managers });
}

app.get('/departments/:dept/employees', listEmployees);
app.listen(3000);
