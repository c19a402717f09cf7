/**
 * Where synthetic visitors are: ~60 countries weighted roughly like an English-first small
 * business's audience, a few real cities each (weighted, with the subdivision code geoip-lite
 * reports and the city's standard UTC offset, so clicks peak in local daytime), each country's
 * share of iPhones among phones, and its Google domain (a search referrer is google.de from
 * Germany). Offsets ignore daylight saving time: close enough for a daily rhythm.
 */

export type City = { name: string; region: string | null; utcOffsetMinutes: number; weight: number };
export type Country = { code: string; weight: number; iosShare: number; googleDomain: string; cities: City[] };

type CityRow = readonly [name: string, region: string | null, utcOffsetHours: number, weight: number];

function country(code: string, weight: number, iosShare: number, googleDomain: string, cities: readonly CityRow[]): Country {
  return {
    code,
    weight,
    iosShare,
    googleDomain,
    cities: cities.map(([name, region, offset, w]) => ({ name, region, utcOffsetMinutes: Math.round(offset * 60), weight: w })),
  };
}

export const COUNTRIES: readonly Country[] = [
  country("US", 30, 0.57, "google.com", [
    ["New York", "NY", -5, 10], ["Los Angeles", "CA", -8, 8], ["Chicago", "IL", -6, 6], ["Houston", "TX", -6, 5],
    ["Dallas", "TX", -6, 4], ["Atlanta", "GA", -5, 4], ["Phoenix", "AZ", -7, 3], ["Philadelphia", "PA", -5, 3],
    ["Austin", "TX", -6, 3], ["Miami", "FL", -5, 3.5], ["Seattle", "WA", -8, 3.5], ["San Francisco", "CA", -8, 3.5],
    ["Denver", "CO", -7, 3], ["Boston", "MA", -5, 3], ["San Diego", "CA", -8, 2.5], ["San Antonio", "TX", -6, 2.5],
    ["Portland", "OR", -8, 1.5], ["Nashville", "TN", -6, 1.5], ["Charlotte", "NC", -5, 1.5], ["Columbus", "OH", -5, 1.5],
    ["Minneapolis", "MN", -6, 1.5], ["Las Vegas", "NV", -8, 1.5], ["Orlando", "FL", -5, 1.5], ["Detroit", "MI", -5, 1.3],
    ["Salt Lake City", "UT", -7, 1],
  ]),
  country("GB", 8, 0.5, "google.co.uk", [
    ["London", "ENG", 0, 12], ["Manchester", "ENG", 0, 3], ["Birmingham", "ENG", 0, 3], ["Leeds", "ENG", 0, 1.5],
    ["Glasgow", "SCT", 0, 1.5], ["Liverpool", "ENG", 0, 1.3], ["Bristol", "ENG", 0, 1.3], ["Edinburgh", "SCT", 0, 1.3],
    ["Sheffield", "ENG", 0, 1], ["Cardiff", "WLS", 0, 1], ["Belfast", "NIR", 0, 0.8], ["Nottingham", "ENG", 0, 0.8],
  ]),
  country("DE", 6, 0.38, "google.de", [
    ["Berlin", "BE", 1, 6], ["Munich", "BY", 1, 3.5], ["Hamburg", "HH", 1, 3], ["Frankfurt am Main", "HE", 1, 2.5],
    ["Cologne", "NW", 1, 2], ["Stuttgart", "BW", 1, 1.5], ["Düsseldorf", "NW", 1, 1.5], ["Leipzig", "SN", 1, 1],
    ["Dortmund", "NW", 1, 0.8], ["Dresden", "SN", 1, 0.8],
  ]),
  country("IN", 6, 0.05, "google.co.in", [
    ["Mumbai", "MH", 5.5, 6], ["Delhi", "DL", 5.5, 6], ["Bengaluru", "KA", 5.5, 5], ["Hyderabad", "TG", 5.5, 3],
    ["Chennai", "TN", 5.5, 3], ["Kolkata", "WB", 5.5, 2.5], ["Pune", "MH", 5.5, 2.5], ["Ahmedabad", "GJ", 5.5, 2],
    ["Jaipur", "RJ", 5.5, 1.2], ["Lucknow", "UP", 5.5, 1],
  ]),
  country("BR", 5, 0.15, "google.com.br", [
    ["São Paulo", "SP", -3, 8], ["Rio de Janeiro", "RJ", -3, 4], ["Belo Horizonte", "MG", -3, 2], ["Brasília", "DF", -3, 2],
    ["Salvador", "BA", -3, 1.5], ["Curitiba", "PR", -3, 1.5], ["Fortaleza", "CE", -3, 1.2], ["Porto Alegre", "RS", -3, 1.2],
    ["Recife", "PE", -3, 1],
  ]),
  country("CA", 4.5, 0.55, "google.ca", [
    ["Toronto", "ON", -5, 6], ["Montreal", "QC", -5, 3.5], ["Vancouver", "BC", -8, 3], ["Calgary", "AB", -7, 2],
    ["Ottawa", "ON", -5, 1.5], ["Edmonton", "AB", -7, 1.5], ["Winnipeg", "MB", -6, 0.8], ["Halifax", "NS", -4, 0.5],
  ]),
  country("AU", 3.5, 0.55, "google.com.au", [
    ["Sydney", "NSW", 10, 5], ["Melbourne", "VIC", 10, 4.5], ["Brisbane", "QLD", 10, 2.5], ["Perth", "WA", 8, 1.8],
    ["Adelaide", "SA", 9.5, 1.2], ["Gold Coast", "QLD", 10, 0.6], ["Canberra", "ACT", 10, 0.5],
  ]),
  country("FR", 3.5, 0.3, "google.fr", [
    ["Paris", "IDF", 1, 8], ["Lyon", "ARA", 1, 2.5], ["Marseille", "PAC", 1, 2], ["Toulouse", "OCC", 1, 1.5],
    ["Nice", "PAC", 1, 1.2], ["Nantes", "PDL", 1, 1.2], ["Bordeaux", "NAQ", 1, 1.2], ["Lille", "HDF", 1, 1.2],
    ["Strasbourg", "GES", 1, 0.8],
  ]),
  country("ES", 2.5, 0.2, "google.es", [
    ["Madrid", "MD", 1, 5], ["Barcelona", "CT", 1, 4.5], ["Valencia", "VC", 1, 1.5], ["Seville", "AN", 1, 1.2],
    ["Málaga", "AN", 1, 1], ["Bilbao", "PV", 1, 0.8], ["Zaragoza", "AR", 1, 0.6],
  ]),
  country("IT", 2.5, 0.28, "google.it", [
    ["Milan", "25", 1, 4.5], ["Rome", "62", 1, 4], ["Naples", "72", 1, 1.5], ["Turin", "21", 1, 1.5],
    ["Florence", "52", 1, 1], ["Bologna", "45", 1, 1], ["Palermo", "82", 1, 0.7],
  ]),
  country("MX", 2.5, 0.18, "google.com.mx", [
    ["Mexico City", "CMX", -6, 6], ["Guadalajara", "JAL", -6, 2.5], ["Monterrey", "NLE", -6, 2.5], ["Puebla", "PUE", -6, 1],
    ["Tijuana", "BCN", -8, 1], ["Cancún", "ROO", -5, 0.8], ["Mérida", "YUC", -6, 0.6],
  ]),
  country("NL", 2, 0.35, "google.nl", [
    ["Amsterdam", "NH", 1, 4], ["Rotterdam", "ZH", 1, 2], ["The Hague", "ZH", 1, 1.5], ["Utrecht", "UT", 1, 1.5],
    ["Eindhoven", "NB", 1, 1], ["Groningen", "GR", 1, 0.6],
  ]),
  country("JP", 2, 0.68, "google.co.jp", [
    ["Tokyo", "13", 9, 7], ["Osaka", "27", 9, 3], ["Yokohama", "14", 9, 2], ["Nagoya", "23", 9, 1.5],
    ["Fukuoka", "40", 9, 1], ["Sapporo", "01", 9, 1], ["Kyoto", "26", 9, 0.8],
  ]),
  country("PH", 1.5, 0.15, "google.com.ph", [
    ["Manila", "00", 8, 3], ["Quezon City", "00", 8, 2.5], ["Cebu City", "07", 8, 1.2], ["Davao City", "11", 8, 1], ["Makati", "00", 8, 1],
  ]),
  country("ID", 1.5, 0.12, "google.co.id", [
    ["Jakarta", "JK", 7, 5], ["Surabaya", "JI", 7, 1.5], ["Bandung", "JB", 7, 1.5], ["Medan", "SU", 7, 1],
    ["Denpasar", "BA", 8, 0.6], ["Yogyakarta", "YO", 7, 0.6],
  ]),
  country("NG", 1.2, 0.12, "google.com.ng", [
    ["Lagos", "LA", 1, 5], ["Abuja", "FC", 1, 2], ["Ibadan", "OY", 1, 1], ["Port Harcourt", "RI", 1, 0.8], ["Kano", "KN", 1, 0.6],
  ]),
  country("ZA", 1.2, 0.2, "google.co.za", [
    ["Johannesburg", "GP", 2, 4], ["Cape Town", "WC", 2, 3], ["Durban", "KZN", 2, 1.5], ["Pretoria", "GP", 2, 1.5], ["Gqeberha", "EC", 2, 0.5],
  ]),
  country("PL", 1.2, 0.15, "google.pl", [
    ["Warsaw", "14", 1, 4], ["Kraków", "12", 1, 2], ["Wrocław", "02", 1, 1.3], ["Poznań", "30", 1, 1], ["Gdańsk", "22", 1, 1], ["Łódź", "10", 1, 0.8],
  ]),
  country("SE", 1, 0.5, "google.se", [["Stockholm", "AB", 1, 4], ["Gothenburg", "O", 1, 2], ["Malmö", "M", 1, 1.2], ["Uppsala", "C", 1, 0.6]]),
  country("TR", 1, 0.18, "google.com.tr", [
    ["Istanbul", "34", 3, 6], ["Ankara", "06", 3, 2], ["Izmir", "35", 3, 1.5], ["Bursa", "16", 3, 0.8], ["Antalya", "07", 3, 0.7],
  ]),
  country("AR", 1, 0.12, "google.com.ar", [["Buenos Aires", "C", -3, 6], ["Córdoba", "X", -3, 1.5], ["Rosario", "S", -3, 1], ["Mendoza", "M", -3, 0.7]]),
  country("CO", 1, 0.12, "google.com.co", [["Bogotá", "DC", -5, 5], ["Medellín", "ANT", -5, 2.5], ["Cali", "VAC", -5, 1.5], ["Barranquilla", "ATL", -5, 1]]),
  country("IE", 0.9, 0.5, "google.ie", [["Dublin", "L", 0, 6], ["Cork", "M", 0, 1.5], ["Galway", "C", 0, 0.8], ["Limerick", "M", 0, 0.6]]),
  country("PK", 0.9, 0.06, "google.com.pk", [
    ["Karachi", "SD", 5, 4], ["Lahore", "PB", 5, 3.5], ["Islamabad", "IS", 5, 1.5], ["Rawalpindi", "PB", 5, 0.8], ["Faisalabad", "PB", 5, 0.7],
  ]),
  country("BE", 0.8, 0.35, "google.be", [["Brussels", "BRU", 1, 4], ["Antwerp", "VAN", 1, 2], ["Ghent", "VOV", 1, 1.5], ["Liège", "WLG", 1, 0.8]]),
  country("CH", 0.8, 0.55, "google.ch", [["Zurich", "ZH", 1, 4], ["Geneva", "GE", 1, 2.5], ["Basel", "BS", 1, 1.2], ["Bern", "BE", 1, 1.2], ["Lausanne", "VD", 1, 1]]),
  country("AT", 0.7, 0.4, "google.at", [["Vienna", "9", 1, 5], ["Graz", "6", 1, 1.2], ["Linz", "4", 1, 0.8], ["Salzburg", "5", 1, 0.8], ["Innsbruck", "7", 1, 0.6]]),
  country("PT", 0.7, 0.25, "google.pt", [["Lisbon", "11", 0, 4], ["Porto", "13", 0, 2.5], ["Braga", "03", 0, 0.7], ["Coimbra", "06", 0, 0.5]]),
  country("NZ", 0.7, 0.45, "google.co.nz", [["Auckland", "AUK", 12, 5], ["Wellington", "WGN", 12, 1.8], ["Christchurch", "CAN", 12, 1.5], ["Hamilton", "WKO", 12, 0.6]]),
  country("SG", 0.7, 0.5, "google.com.sg", [["Singapore", null, 8, 1]]),
  country("AE", 0.7, 0.5, "google.ae", [["Dubai", "DU", 4, 5], ["Abu Dhabi", "AZ", 4, 2.5], ["Sharjah", "SH", 4, 1]]),
  country("SA", 0.6, 0.45, "google.com.sa", [["Riyadh", "01", 3, 4], ["Jeddah", "02", 3, 3], ["Dammam", "04", 3, 1.2], ["Mecca", "02", 3, 0.8]]),
  country("MY", 0.6, 0.2, "google.com.my", [["Kuala Lumpur", "14", 8, 4], ["Petaling Jaya", "10", 8, 1.2], ["Johor Bahru", "01", 8, 1], ["George Town", "07", 8, 0.8]]),
  country("KR", 0.6, 0.3, "google.co.kr", [["Seoul", "11", 9, 6], ["Busan", "26", 9, 1.8], ["Incheon", "28", 9, 1.2], ["Daegu", "27", 9, 0.8]]),
  country("CL", 0.6, 0.2, "google.cl", [["Santiago", "RM", -4, 5], ["Valparaíso", "VS", -4, 1], ["Concepción", "BI", -4, 0.8]]),
  country("PE", 0.5, 0.1, "google.com.pe", [["Lima", "LIM", -5, 5], ["Arequipa", "ARE", -5, 0.8], ["Trujillo", "LAL", -5, 0.6]]),
  country("EG", 0.5, 0.08, "google.com.eg", [["Cairo", "C", 2, 5], ["Alexandria", "ALX", 2, 2], ["Giza", "GZ", 2, 1.2]]),
  country("KE", 0.5, 0.08, "google.co.ke", [["Nairobi", null, 3, 4], ["Mombasa", null, 3, 1]]),
  country("VN", 0.5, 0.25, "google.com.vn", [["Ho Chi Minh City", "SG", 7, 4], ["Hanoi", "HN", 7, 3], ["Da Nang", "DN", 7, 1]]),
  country("TH", 0.5, 0.3, "google.co.th", [["Bangkok", "10", 7, 5], ["Chiang Mai", "50", 7, 1], ["Phuket", "83", 7, 0.6], ["Pattaya", "20", 7, 0.5]]),
  country("DK", 0.5, 0.55, "google.dk", [["Copenhagen", "84", 1, 4], ["Aarhus", "82", 1, 1.5], ["Odense", "83", 1, 0.8]]),
  country("NO", 0.5, 0.6, "google.no", [["Oslo", "03", 1, 4], ["Bergen", "46", 1, 1.5], ["Trondheim", "50", 1, 1], ["Stavanger", "11", 1, 0.8]]),
  country("FI", 0.4, 0.35, "google.fi", [["Helsinki", "18", 2, 4], ["Espoo", "18", 2, 1.2], ["Tampere", "11", 2, 1], ["Turku", "19", 2, 0.8]]),
  country("GR", 0.4, 0.2, "google.gr", [["Athens", "I", 2, 5], ["Thessaloniki", "B", 2, 1.8], ["Patras", "G", 2, 0.5]]),
  country("CZ", 0.4, 0.2, "google.cz", [["Prague", "10", 1, 5], ["Brno", "64", 1, 1.5], ["Ostrava", "80", 1, 0.8]]),
  country("RO", 0.4, 0.15, "google.ro", [["Bucharest", "B", 2, 5], ["Cluj-Napoca", "CJ", 2, 1.5], ["Timișoara", "TM", 2, 1], ["Iași", "IS", 2, 0.8]]),
  country("HU", 0.3, 0.15, "google.hu", [["Budapest", "BU", 1, 6], ["Debrecen", "HB", 1, 0.8], ["Szeged", "CS", 1, 0.6]]),
  country("IL", 0.4, 0.35, "google.co.il", [["Tel Aviv", "TA", 2, 4], ["Jerusalem", "JM", 2, 2], ["Haifa", "HA", 2, 1.2]]),
  country("UA", 0.4, 0.2, "google.com.ua", [["Kyiv", "30", 2, 5], ["Kharkiv", "63", 2, 1.5], ["Lviv", "46", 2, 1.5], ["Odesa", "51", 2, 1.2], ["Dnipro", "12", 2, 1]]),
  country("BD", 0.4, 0.05, "google.com.bd", [["Dhaka", "C", 6, 6], ["Chittagong", "B", 6, 1.5]]),
  country("HK", 0.4, 0.5, "google.com.hk", [["Hong Kong", null, 8, 1]]),
  country("TW", 0.4, 0.35, "google.com.tw", [["Taipei", "TPE", 8, 4], ["Kaohsiung", "KHH", 8, 1.5], ["Taichung", "TXG", 8, 1.5]]),
  country("GH", 0.3, 0.1, "google.com.gh", [["Accra", "AA", 0, 4], ["Kumasi", "AH", 0, 1.5]]),
  country("MA", 0.3, 0.1, "google.co.ma", [["Casablanca", "06", 1, 3], ["Rabat", "04", 1, 1.5], ["Marrakesh", "07", 1, 1.2]]),
  country("DO", 0.3, 0.15, "google.com.do", [["Santo Domingo", "01", -4, 4], ["Santiago de los Caballeros", "25", -4, 1]]),
  country("PR", 0.3, 0.5, "google.com.pr", [["San Juan", null, -4, 3], ["Bayamón", null, -4, 1]]),
  country("JM", 0.2, 0.3, "google.com.jm", [["Kingston", "01", -5, 3], ["Montego Bay", "08", -5, 1]]),
  country("VE", 0.2, 0.1, "google.co.ve", [["Caracas", "A", -4, 4], ["Maracaibo", "V", -4, 1.5]]),
  country("EC", 0.2, 0.1, "google.com.ec", [["Guayaquil", "G", -5, 3], ["Quito", "P", -5, 3]]),
  country("UY", 0.2, 0.2, "google.com.uy", [["Montevideo", "MO", -3, 5]]),
];

/** Where crawlers and link-preview fetchers run: cloud regions, not homes. */
export const DATA_CENTER_CITIES: readonly (readonly [country: string, city: City])[] = [
  ["US", { name: "Ashburn", region: "VA", utcOffsetMinutes: -300, weight: 5 }],
  ["US", { name: "Boardman", region: "OR", utcOffsetMinutes: -480, weight: 2 }],
  ["US", { name: "Council Bluffs", region: "IA", utcOffsetMinutes: -360, weight: 2 }],
  ["US", { name: "Mountain View", region: "CA", utcOffsetMinutes: -480, weight: 2 }],
  ["US", { name: "Menlo Park", region: "CA", utcOffsetMinutes: -480, weight: 1.5 }],
  ["IE", { name: "Dublin", region: "L", utcOffsetMinutes: 0, weight: 1.5 }],
  ["DE", { name: "Frankfurt am Main", region: "HE", utcOffsetMinutes: 60, weight: 1.5 }],
  ["NL", { name: "Amsterdam", region: "NH", utcOffsetMinutes: 60, weight: 1 }],
  ["SG", { name: "Singapore", region: null, utcOffsetMinutes: 480, weight: 1 }],
];

/**
 * Share of clicks per local hour 0..23: a night trough, a morning climb, a lunch bump and an
 * evening peak (people open links from their phones after work).
 */
export const LOCAL_HOUR_WEIGHTS: readonly number[] = [
  1.2, 0.7, 0.45, 0.35, 0.35, 0.55, 1.3, 2.6, 3.9, 4.8, 5.3, 5.6, 6.0, 5.9, 5.6, 5.4, 5.4, 5.7, 6.2, 6.6, 6.5, 5.6, 4.2, 2.4,
];

/** Busyness per UTC weekday, Sunday first: weekdays busy, weekends quieter. */
export const WEEKDAY_WEIGHTS: readonly number[] = [0.72, 1.04, 1.1, 1.1, 1.06, 0.97, 0.78];
