/**
 * The bundled copies of the public benchmark and exemption tables (source comment lines kept), so the product
 * runs without the shared data folder. Only their locations live here; reading them is the services' job.
 */
export const bundledBenchmarksUrl = new URL('./data/discretion-benchmarks.csv', import.meta.url);
export const bundledExemptionsUrl = new URL('./data/first-violation-exemptions.csv', import.meta.url);
