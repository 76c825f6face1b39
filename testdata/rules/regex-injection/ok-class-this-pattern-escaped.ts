// The pattern kept on the instance is escaped before it is stored.
import express, { Request, Response } from 'express';

import escapeRegExp from 'lodash.escaperegexp';

const titles = ['Install', 'Configure', 'Deploy'];

class SearchService {
  private pattern = '';

  prepare(req: Request): void {
    this.pattern = escapeRegExp(String(req.query.q));
  }

  run(): string[] {
    const re = new RegExp(this.pattern, 'i');
    return titles.filter((t) => re.test(t));
  }
}

const app = express();
const search = new SearchService();
app.get('/search', (req: Request, res: Response) => {
  search.prepare(req);
  res.json(search.run());
});
app.listen(3000);
