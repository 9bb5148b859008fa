/** The 85 regions live in shared/ (one table with their time zones); the server's lookups read them from here. */
export { REGIONS, regionByCode, type Region } from '../../shared/domain/russia-regions';
