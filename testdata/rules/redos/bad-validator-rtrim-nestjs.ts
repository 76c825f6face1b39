import { Body, Controller, Post, Req } from '@nestjs/common';
import type { Request } from 'express';

import { ReviewsService } from './reviews.service';

// validator 13.6.0's rtrim() default pattern (CVE-2021-3765).
const RTRIM = /(\s)+$/g;

@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Post()
  async create(@Req() req: Request, @Body('rating') rating: number) {
    const text = String(req.body.text).replace(RTRIM, ''); // expect: redos
    return this.reviews.create({ text, rating: Number(rating) });
  }
}
