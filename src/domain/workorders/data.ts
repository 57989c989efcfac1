/**
 * The bundled copy of the city-management catalog (GB/T 47678.5 管理部件和事项, source comment lines kept), so the
 * product runs without the shared data folder. Only its location lives here; reading it is the services' job.
 */
export const bundledCategoriesUrl = new URL('./data/city-parts-and-matters.csv', import.meta.url);
