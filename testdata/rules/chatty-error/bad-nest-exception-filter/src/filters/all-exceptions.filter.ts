// A catch-all exception filter that sends the exception's message and stack,
// with a 500 for anything that is not an HttpException.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { Request, Response } from 'express';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();

    const status =
      exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    const err = exception as Error;

    response.status(status).json({ statusCode: status, path: request.url, message: err.message, stack: err.stack }); // expect: chatty-error
  }
}
