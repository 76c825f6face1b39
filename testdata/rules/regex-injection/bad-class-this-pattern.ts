// A search service keeps the client's pattern on the instance between calls.
import express, { Request, Response } from 'express';

const titles = ['Install', 'Configure', 'Deploy'];

class SearchService {
  private pattern = '';

  prepare(req: Request): void {
    this.pattern = req.query.q as string;
  }

  run(): string[] {
    const re = new RegExp(this.pattern, 'i'); // expect: regex-injection
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
