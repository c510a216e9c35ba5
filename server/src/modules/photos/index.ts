export { photoLimits, photosDirOf, photoUpload, storePhotos, sendStoredPhoto, numericIdOf, type StoredPhoto } from './photo-store.js';
