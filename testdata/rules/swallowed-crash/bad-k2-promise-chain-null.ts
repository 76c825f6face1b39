// A route starts an index-then-refresh chain on Elasticsearch that ends in `.catch(() => null)`: the search index drifts silently.
import express, { Request, Response } from 'express';
import { Client } from '@elastic/elasticsearch';

interface Product {
  id: string;
  name: string;
  price: number;
}

const es = new Client({ node: process.env.ES_URL ?? 'http://localhost:9200' });
const products = new Map<string, Product>();
const app = express();
app.use(express.json());

app.put('/products/:id', (req: Request, res: Response) => {
  const product: Product = { id: req.params.id, name: String(req.body.name), price: Number(req.body.price) };
  products.set(product.id, product);
  es.index({ index: 'products', id: product.id, document: product }).then(() => es.indices.refresh({ index: 'products' })).catch(() => null); // expect: swallowed-crash
  res.json(product);
});

app.listen(3000);
