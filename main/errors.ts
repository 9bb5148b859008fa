/** Errors the services raise on purpose; the IPC wrapper answers them as `{ok:false,error:{code,message}}`. */
export class AppError extends Error {
  constructor(public readonly code: string, message: string, public readonly field?: string) {
    super(message);
    this.name = 'AppError';
  }
}

/** The plain "this needs the server" refusal. */
export const offlineError = (what: string): AppError =>
  new AppError('offline', `Нет связи с сервером: ${what} возможно только онлайн. Сохранённые результаты отправятся автоматически.`);

/** Refusal when nobody is logged in. */
export const notLoggedIn = (): AppError => new AppError('unauthenticated', 'Войдите в систему.');
