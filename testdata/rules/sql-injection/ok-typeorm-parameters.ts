import express from 'express';
import { DataSource } from 'typeorm';

const dataSource = new DataSource({ type: 'postgres', database: 'hr' });
const app = express();

app.get('/departments/:dept/employees', async (req, res) => {
  const dept = req.params.dept;
  const employees = await dataSource.query('SELECT * FROM employees WHERE dept = $1', [dept]);
  const managers = await dataSource
    .getRepository('Employee')
    .createQueryBuilder('e')
    .where('e.dept = :dept', { dept })
    .andWhere('e.name ILIKE :name', { name: `%${req.query.name ?? ''}%` })
    .getMany();
  res.json({ employees, managers });
});

app.listen(3000);
