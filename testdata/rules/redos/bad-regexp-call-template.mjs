import { Router } from 'express';

export const router = Router();

// Called without `new`; the pattern is a template literal with no substitutions.
const CITY_NAME = RegExp(`^([A-Za-z]+ ?)+$`); // expect: redos

router.get('/weather', async (req, res) => {
  const city = String(req.query.city || '');
  if (!CITY_NAME.test(city)) {
    return res.status(400).json({ error: 'unknown city' });
  }
  res.json({ city, forecast: [] });
});
